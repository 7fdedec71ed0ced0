namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>Transaction.Begin meter values of a transaction started before the cable is plugged in (J02, E01.FR.16/17).</summary>
public sealed class MeterValuesBeginTests
{
    [Fact]
    public async Task TC_J_08_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.TxStartPoint"] = "Authorized",
            ["SampledDataCtrlr.TxStartedMeasurands"] = "Energy.Active.Import.Register,Voltage",
        });

        // The transaction starts at the card, before any cable; then the EV is connected and energy flows.
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(e => e.EventType() == "Started");
        await rig.PlugAsync();
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");

        // The first event naming the EVSE carries the Transaction.Begin values, one per TxStartedMeasurands element.
        var first = rig.Events.First(e => e.TryGetProperty("evse", out _));
        Assert.Equal(started.GetProperty("seqNo").GetInt32(), first.GetProperty("seqNo").GetInt32());
        Assert.Equal(1, first.GetProperty("evse").GetProperty("id").GetInt32());
        var samples = first.Samples();
        Assert.Equal("Transaction.Begin", samples[0].Context);
        Assert.All(samples, s => Assert.Equal("Transaction.Begin", s.Context));
        Assert.Contains(samples, s => s.Measurand == "Energy.Active.Import.Register");
        Assert.Contains(samples, s => s.Measurand == "Voltage");
    }
}
