using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Evse;
using ChargerController.Station.Tariffs;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>Block I on a 2.0.1 connection: the 2.1-only tariff messages are not offered; CostUpdated (2.0.1) still works.</summary>
public sealed class Ocpp201TariffTests
{
    [Fact]
    public async Task TariffMessages_On201_NotImplemented()
    {
        var display = new RecordingDisplay();
        using var module = new TariffModule(new DefaultTariffBook(new InMemoryTariffStore()), new InMemoryTariffStore(), new Dictionary<int, IEnergyMeter>(), Array.Empty<EvseController>(), () => null, new TariffDisplay([display]));
        await using var h = await StationHarness.StartAsync(setup: new HarnessSetup
        {
            Csms = new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef", SupportedSubprotocols = ["ocpp2.0.1"] },
            Modules = _ => [module],
        });
        await h.WaitAcceptedAsync();
        foreach (var (action, payload) in new[]
        {
            ("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("T1")}}}"""),
            ("GetTariffs", """{"evseId":0}"""),
            ("ClearTariffs", "{}"),
            ("ChangeTransactionTariff", $$"""{"transactionId":"x","tariff":{{TariffStation.Tariff("T2")}}}"""),
        })
        {
            var answer = await h.Session.CallAsync(action, payload);
            Assert.Equal(4, answer[0].GetInt32());
            Assert.Equal("NotImplemented", answer[2].GetString());
        }

        var cost = await h.Session.CallAsync("CostUpdated", """{"totalCost":1.5,"transactionId":"unknown"}""");
        Assert.Equal(3, cost[0].GetInt32());
    }

    [Fact]
    public async Task SetDefaultTariff_TariffDisabled_NotSupported()
    {
        // I07.FR.01: Enabled[Tariff]=false → CALLERROR NotSupported.
        using var module = new TariffModule(new DefaultTariffBook(new InMemoryTariffStore()), new InMemoryTariffStore(), new Dictionary<int, IEnergyMeter>(), Array.Empty<EvseController>(), () => null, new TariffDisplay([]));
        await using var h = await StationHarness.StartAsync(modules: _ => [module]);
        await h.WaitAcceptedAsync();
        h.Model.SetByStation(Station.DeviceModel.VariableKey.Of("TariffCostCtrlr", "Enabled", "Tariff"), "false");
        var answer = await h.Session.CallAsync("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("T1")}}}""");
        Assert.Equal(("NotSupported", 4), (answer[2].GetString(), answer[0].GetInt32()));
    }
}
