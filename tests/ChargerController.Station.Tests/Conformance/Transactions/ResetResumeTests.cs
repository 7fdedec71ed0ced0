using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>Reset ImmediateAndResume with a charging transaction (B13, OCPP 2.1), reset handler and transaction manager together.</summary>
public sealed class ResetResumeTests
{
    private static async Task<TransactionRig> ChargingAsync(bool allowEnergyTransferResumption)
    {
        var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.ResumptionTimeout"] = "300",
            ["TxCtrlr.AllowEnergyTransferResumption"] = allowEnergyTransferResumption ? "true" : "false",
        });
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return rig;
    }

    private static async Task<string> ResetAndRebootAsync(TransactionRig rig)
    {
        var txId = rig.Events[0].TxId();
        var reply = await rig.Session.CallAsync("Reset", """{"type":"ImmediateAndResume"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());

        // B13.FR.04: Updated/ResetCommand, the transaction stays open; then the reboot.
        var updated = await rig.WaitForEventAsync(e => e.Trigger() == "ResetCommand");
        Assert.Equal("Updated", updated.EventType());
        Assert.Equal(txId, updated.TxId());
        Assert.Equal(BootReasonEnumType.RemoteReset, await rig.Harness.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");

        // The host stop takes a moment; an Updated still unconfirmed at the reboot is sent again with its message id
        // (at-least-once), which the seqNo check below tolerates.
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        await rig.RestartAsync(BootReasonEnumType.RemoteReset);
        return txId;
    }

    [Fact]
    public async Task TC_B_102_CS()
    {
        await using var rig = await ChargingAsync(allowEnergyTransferResumption: false);

        var txId = await ResetAndRebootAsync(rig);

        // B13.FR.25/30: resumed with the same transactionId, without energy transfer.
        var resumed = await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        Assert.Equal(txId, resumed.TxId());
        Assert.Equal("SuspendedEVSE", resumed.ChargingState());
        await rig.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.Equal(Enumerable.Range(0, rig.Events.Select(e => e.SeqNo()).Distinct().Count()), rig.Events.Select(e => e.SeqNo()).Distinct());
    }

    [Fact]
    public async Task TC_B_103_CS()
    {
        await using var rig = await ChargingAsync(allowEnergyTransferResumption: true);

        var txId = await ResetAndRebootAsync(rig);

        // B13.FR.24/30: resumed with the same transactionId and charging again.
        var resumed = await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        Assert.Equal(txId, resumed.TxId());
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.Equal(Enumerable.Range(0, rig.Events.Select(e => e.SeqNo()).Distinct().Count()), rig.Events.Select(e => e.SeqNo()).Distinct());
    }
}
