using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Control;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Control;

/// <summary><c>chargerctl status</c> shows the OCPP transactionId the CSMS received, not the session's internal id.</summary>
public sealed class StationControlServiceTransactionIdTests
{
    [Fact]
    public async Task Status_WhileCharging_ShowsTheTransactionIdSentInTransactionEvent()
    {
        await using var rig = await TransactionRig.StartAsync();
        var control = ControlOf(rig);
        await rig.PlugAsync();
        Assert.True((await rig.TapAsync("04A1B2C3")).Accepted);
        var started = await rig.WaitForEventAsync(1);

        var evse = Assert.Single((await control.GetStatusAsync(CancellationToken.None)).Evses);

        Assert.Equal(started.TxId(), evse.TransactionId);
        Assert.NotEqual(rig.Sessions.SessionOf(1)!.TransactionId, evse.TransactionId);

        await rig.UnplugAsync();
        await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Null(Assert.Single((await control.GetStatusAsync(CancellationToken.None)).Evses).TransactionId);
    }

    [Fact]
    public async Task Status_TransactionStartedByCableWithoutSession_ShowsItsTransactionId()
    {
        // TxStartPoint EVConnected: a transaction runs before anyone is authorized, so there is no session to ask.
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "EVConnected" });
        var control = ControlOf(rig);
        await rig.PlugAsync(state: CpState.B);
        var started = await rig.WaitForEventAsync(1);

        Assert.Null(rig.Sessions.SessionOf(1));
        Assert.Equal(started.TxId(), Assert.Single((await control.GetStatusAsync(CancellationToken.None)).Evses).TransactionId);
    }

    private static StationControlService ControlOf(TransactionRig rig) => new(
        rig.Controllers,
        rig.Controllers.ToDictionary(c => c.EvseId, c => (IEnergyMeter)rig.Meter(c.EvseId)),
        rig.Sessions,
        new OfflineOcppStatusSource(),
        new StationControlOptions(true, "9.9.9"),
        rig.Harness.Time,
        rig.Manager);
}
