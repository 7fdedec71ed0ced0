using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>
/// I02 with the running cost in TransactionEventResponse (OCA TC_I_07, OCPP 2.0.1 Part 6 / 2.1 UI-0): central cost
/// calculation, no tariff installed.
/// </summary>
public sealed class RunningCostDisplayTests
{
    [Fact]
    public async Task TC_I_07_CS()
    {
        // I02.FR.01 (CSMS side): the running cost in the answer to an Updated event; I02.FR.04: the station shows it.
        await using var s = await TariffConditionTests.ChargingAsync(script: csms => csms.Respond("TransactionEvent", e =>
            e.GetProperty("eventType").GetString() == "Updated" ? """{"totalCost":2.75}""" : "{}"));
        await TariffStation.EventuallyAsync(() => s.Screen.Texts.Contains("Cost so far: 2.75 EUR"));
        Assert.Equal(2.75m, s.Module.RunningCostOf(1)?.Total);
        Assert.False(s.Module.RunningCostOf(1)?.Local);

        // A later answer with a higher running cost replaces it on the display.
        s.Rig.Csms.Respond("TransactionEvent", e => e.GetProperty("eventType").GetString() == "Updated" ? """{"totalCost":3.10}""" : "{}");
        var txId = s.Rig.Manager.GetTransactionId(1)!;
        Assert.True(await s.Rig.Manager.RequestUpdateAsync(1, txId, Ocpp.Enums.TriggerReasonEnumType.MeterValuePeriodic, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        await TariffStation.EventuallyAsync(() => s.Screen.Texts.Contains("Cost so far: 3.10 EUR"));
    }
}
