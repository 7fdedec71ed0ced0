using System.Text.Json;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>
/// Authorization first (E03) on a station with two free EVSEs: the card does not choose the EVSE, the cable does. The
/// transaction and its TransactionEvents carry the EVSE the EV was plugged into (E01.FR.16).
/// </summary>
public sealed class TapBeforePlugTests
{
    [Fact]
    public async Task E03_TapThenPlugIntoEvse2_TransactionOnEvse2_Evse1Untouched()
    {
        await using var rig = await TransactionRig.StartAsync(evses: 2);

        var tap = await rig.TapAsync("04A1B2C3");
        Assert.True(tap.AwaitingEv, tap.Reason);
        await rig.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Empty(rig.Events);

        await rig.PlugAsync(2);
        var started = await rig.WaitForEventAsync(e => e.EventType() == "Started");
        await rig.RunUntilAsync(() => rig.Controllers[1].Snapshot.ContactorClosed);

        Assert.Equal(2, Evse(started));
        Assert.Equal("04A1B2C3", started.IdToken());
        Assert.True(rig.Manager.HasActiveTransaction(2));
        Assert.False(rig.Manager.HasActiveTransaction(1));
        Assert.Null(rig.Sessions.SessionOf(1));
        Assert.All(rig.Events, e => Assert.True(!e.Has("evse") || Evse(e) == 2));
    }

    [Fact]
    public async Task E03_TxStartPointAuthorized_TapThenPlugIntoEvse2_StartedCarriesEvse2()
    {
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "Authorized", ["TxCtrlr.TxStopPoint"] = "Authorized,EVConnected" },
            evses: 2);

        Assert.True((await rig.TapAsync("04A1B2C3")).AwaitingEv);
        await rig.PlugAsync(2);
        var started = await rig.WaitForEventAsync(e => e.EventType() == "Started");

        Assert.Equal(2, Evse(started));
        Assert.Equal("04A1B2C3", started.IdToken());
        Assert.False(rig.Manager.HasActiveTransaction(1));
    }

    [Fact]
    public async Task E03_OneEvseBusy_TapBindsTheFreeOneAtOnce_AsBefore()
    {
        await using var rig = await TransactionRig.StartAsync(evses: 2);
        await rig.PlugAsync(1);
        Assert.Equal(1, (await rig.TapAsync("CARD1")).Session!.EvseId);
        await rig.WaitForEventAsync(e => e.EventType() == "Started");

        // EVSE 1 has its session: the second card goes to EVSE 2 at once, before its cable (one-EVSE choice).
        var second = await rig.TapAsync("CARD2");
        Assert.Equal(2, second.Session!.EvseId);
        Assert.False(second.AwaitingEv);
    }

    private static int Evse(JsonElement e) => e.GetProperty("evse").GetProperty("id").GetInt32();
}
