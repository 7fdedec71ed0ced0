using System.Text.Json;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>
/// I08 Receive Driver Tariff (OCA TC_I_107..109, OCPP 2.1) and I01/I04 texts. The step-by-step scenarios of the 2.1 cases
/// are not available: each test is derived from the I08 requirements it names.
/// </summary>
public sealed class DriverTariffTests
{
    private static Dictionary<string, string> Config(string handleFailed) => new()
    {
        ["TariffCostCtrlr.HandleFailedTariff[Tariff]"] = handleFailed,
        ["AuthCacheCtrlr.Enabled"] = "false",
        ["TariffCostCtrlr.TariffFallbackMessage"] = "Standard price 0.30 EUR/kWh",
    };

    private static Action<Testing.Csms.LoopbackCsms> AuthorizeWith(string tariffJson) =>
        csms => csms.Respond("Authorize", $$$"""{"idTokenInfo":{"status":"Accepted","personalMessage":{"format":"UTF8","content":"Hello driver"}},"tariff":{{{tariffJson}}}}""");

    private static async Task<JsonElement> StartAsync(TariffStation s)
    {
        await s.Rig.PlugAsync();
        var started = await s.Rig.TapAsync("CARD1");
        Assert.True(started.Accepted, started.Reason);
        await s.Rig.RunUntilAsync(() => s.Rig.Manager.GetTransactionId(1) is not null && s.Rig.Manager.IsAuthorized(1));
        return await s.EventAsync(e => e.TryGetProperty("idToken", out _));
    }

    [Fact]
    public async Task TC_I_109_CS()
    {
        // I08.FR.04/22: the driver's tariff is used and its id goes with the event after the authorization; I09.FR.05/06.
        var max = Station.DeviceModel.DeviceModelCatalog.TariffMaxElements;
        await using var s = await TariffStation.StartAsync(Config("UseDefault"), AuthorizeWith(TariffStation.Tariff("MSP01", energyPrices: max)), authorize: true);
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("Default01")}}}"""));
        var first = await StartAsync(s);
        Assert.Equal("MSP01", first.GetProperty("transactionInfo").GetProperty("tariffId").GetString());
        Assert.Contains("Hello driver", s.Screen.Texts);
        var tariffs = await s.CallAsync("GetTariffs", """{"evseId":0}""");
        var driver = tariffs.GetProperty("tariffAssignments").EnumerateArray().Single(a => a.GetProperty("tariffKind").GetString() == "DriverTariff");
        Assert.Equal("MSP01", driver.GetProperty("tariffId").GetString());
        Assert.Equal(1, driver.GetProperty("evseIds")[0].GetInt32());
        Assert.Equal("CARD1", driver.GetProperty("idTokens")[0].GetString());
    }

    [Fact]
    public async Task TC_I_107_CS()
    {
        // I08.FR.30/31/32: a tariff the station cannot process → Problem=true, NotifyEvent, charge with the default tariff.
        var max = Station.DeviceModel.DeviceModelCatalog.TariffMaxElements;
        await using var s = await TariffStation.StartAsync(Config("UseDefault"), AuthorizeWith(TariffStation.Tariff("TooBig", energyPrices: max + 1)), authorize: true);
        s.Rig.Csms.Respond("NotifyEvent", "{}");
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("Default01")}}}"""));
        var first = await StartAsync(s);
        Assert.Equal("Default01", first.GetProperty("transactionInfo").GetProperty("tariffId").GetString());
        var notify = (await s.Rig.Session.WaitForCallAsync("NotifyEvent", TimeSpan.FromSeconds(30))).Json!.Value[3].GetProperty("eventData")[0];
        Assert.Equal(("TariffCostCtrlr", "Problem", "true", "HardWiredNotification", "Alerting"), (
            notify.GetProperty("component").GetProperty("name").GetString(),
            notify.GetProperty("variable").GetProperty("name").GetString(),
            notify.GetProperty("actualValue").GetString(),
            notify.GetProperty("eventNotificationType").GetString(),
            notify.GetProperty("trigger").GetString()));
        Assert.Equal("true", s.Rig.Harness.Model.GetValue(Station.DeviceModel.VariableKey.Of("TariffCostCtrlr", "Problem")));
    }

    [Fact]
    public async Task TC_I_108_CS()
    {
        // I08.FR.37 (errata numbering of the second I08.FR.31): HandleFailedTariff=Deauthorize → the token may not charge.
        await using var s = await TariffStation.StartAsync(Config("Deauthorize"), AuthorizeWith("""{"tariffId":"Bad","currency":"eur","energy":{"prices":[{"priceKwh":0.3}]}}"""), authorize: true);
        s.Rig.Csms.Respond("NotifyEvent", "{}");
        await s.Rig.PlugAsync();
        var result = await s.Rig.TapAsync("CARD1");
        Assert.False(result.Accepted);
        Assert.False(s.Rig.Manager.IsAuthorized(1));
        Assert.Equal("true", s.Rig.Harness.Model.GetValue(Station.DeviceModel.VariableKey.Of("TariffCostCtrlr", "Problem")));
    }

    [Fact]
    public async Task I08_FR_33_CentralCost_NoLocalCost()
    {
        await using var s = await TariffStation.StartAsync(Config("CentralCost"), AuthorizeWith("""{"tariffId":"Bad","currency":"eur","energy":{"prices":[{"priceKwh":0.3}]}}"""), authorize: true);
        s.Rig.Csms.Respond("NotifyEvent", "{}");
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("Default01")}}}"""));
        var first = await StartAsync(s);
        Assert.False(first.GetProperty("transactionInfo").TryGetProperty("tariffId", out _));
        await s.Rig.TapAsync("CARD1");
        await s.Rig.RunUntilAsync(() => s.Rig.Manager.GetTransactionId(1) is null);
        var ended = await s.EventAsync(e => e.EventType() == "Ended");
        Assert.False(ended.TryGetProperty("costDetails", out _));
    }

    [Fact]
    public async Task I04_FR_01_NoDriverTariff_FallbackShown()
    {
        await using var s = await TariffStation.StartAsync(Config("UseDefault"), csms => csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted"}}"""), authorize: true);
        await StartAsync(s);
        Assert.Contains("Standard price 0.30 EUR/kWh", s.Screen.Texts);
    }
}
