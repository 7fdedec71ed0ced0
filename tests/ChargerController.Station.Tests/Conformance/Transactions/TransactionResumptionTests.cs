using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>E17 (2.1) resuming a transaction after a power loss: OCPP 2.1 TC_E_112/113/115/116 scenarios.</summary>
public sealed class TransactionResumptionTests
{
    [Fact]
    public async Task TC_E_112_CS()
    {
        // Within ResumptionTimeout, AllowEnergyTransferResumption false: the same transaction resumes without energy (E17.FR.12).
        await using var rig = await ChargingAsync("300", allowEnergy: false);
        var txId = rig.Events[0].TxId();
        var before = rig.Events.Count;

        await rig.RestartAsync(outage: TimeSpan.FromSeconds(60));
        var resumed = await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");

        Assert.Equal(("Updated", txId, before), (resumed.EventType(), resumed.TxId(), resumed.SeqNo()));
        Assert.Contains(resumed.ChargingState(), new[] { "SuspendedEVSE", "EVConnected" });
        await rig.RunForAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.True(rig.Manager.HasActiveTransaction(1));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");
    }

    [Fact]
    public async Task TC_E_113_CS()
    {
        // Within ResumptionTimeout, AllowEnergyTransferResumption true: it resumes charging (E17.FR.11).
        await using var rig = await ChargingAsync("300", allowEnergy: true);
        var txId = rig.Events[0].TxId();

        await rig.RestartAsync(outage: TimeSpan.FromSeconds(60));
        var resumed = await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        Assert.Equal(txId, resumed.TxId());

        // E17.FR.11/14: the state it had (Charging), in TxResumed itself or as soon as the energy flows again.
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.ContactorClosed, TimeSpan.FromMinutes(1));
        await rig.WaitForEventAsync(e => e.SeqNo() >= resumed.SeqNo() && e.ChargingState() == "Charging");
        Assert.Equal(Enumerable.Range(0, rig.Events.Count), rig.Events.Select(e => e.SeqNo()));
    }

    [Fact]
    public async Task TC_E_115_CS()
    {
        // ResumptionTimeout 0: every open transaction ends at start-up, AbnormalCondition / PowerLoss (E17.FR.20/21).
        await using var rig = await ChargingAsync("0", allowEnergy: true);
        await AssertEndedByPowerLossAsync(rig, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TC_E_116_CS()
    {
        // The outage outlasted ResumptionTimeout: ended, not resumed.
        await using var rig = await ChargingAsync("60", allowEnergy: true);
        await AssertEndedByPowerLossAsync(rig, TimeSpan.FromSeconds(120));
    }

    private static async Task AssertEndedByPowerLossAsync(TransactionRig rig, TimeSpan outage)
    {
        var txId = rig.Events[0].TxId();
        var before = rig.Events.Count;

        await rig.RestartAsync(BootReasonEnumType.PowerUp, outage);
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");

        Assert.Equal((txId, before, "AbnormalCondition", "PowerLoss"), (ended.TxId(), ended.SeqNo(), ended.Trigger(), ended.StoppedReason()));
        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "TxResumed");
        await rig.RunForAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.False(rig.Manager.HasActiveTransaction(1));
    }

    private static async Task<TransactionRig> ChargingAsync(string resumptionTimeout, bool allowEnergy)
    {
        var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.ResumptionTimeout"] = resumptionTimeout,
            ["TxCtrlr.AllowEnergyTransferResumption"] = allowEnergy ? "true" : "false",
        });
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return rig;
    }
}
