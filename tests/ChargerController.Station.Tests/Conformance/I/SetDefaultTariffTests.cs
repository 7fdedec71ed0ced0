namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>
/// I07 Set Default Tariff (OCA TC_I_100..106, OCPP 2.1). The step-by-step scenarios of these 2.1 cases are not available:
/// each test is derived from the I07 requirements it names.
/// </summary>
public sealed class SetDefaultTariffTests
{
    [Fact]
    public async Task TC_I_102_CS()
    {
        // I07.FR.02: more prices in a field than MaxElements[Tariff] → TooManyElements, nothing installed.
        await using var s = await TariffStation.StartAsync();
        var max = Station.DeviceModel.DeviceModelCatalog.TariffMaxElements;
        Assert.Equal("TooManyElements", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("T1", energyPrices: max + 1)}}}"""));
        Assert.Equal("NoTariff", await s.StatusOf("GetTariffs", """{"evseId":0}"""));
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("T2", energyPrices: max)}}}"""));
    }

    [Fact]
    public async Task TC_I_105_CS()
    {
        // I07.FR.03: conditions while ConditionsSupported[Tariff] is false → ConditionNotSupported.
        await using var s = await TariffStation.StartAsync(new Dictionary<string, string> { ["TariffCostCtrlr.ConditionsSupported[Tariff]"] = "false" });
        var tariff = """{"tariffId":"C1","currency":"EUR","energy":{"prices":[{"priceKwh":0.4,"conditions":{"startTimeOfDay":"08:00","endTimeOfDay":"18:00"}},{"priceKwh":0.25}]}}""";
        Assert.Equal("ConditionNotSupported", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{tariff}}}"""));
    }

    [Fact]
    public async Task TC_I_106_CS()
    {
        // I07.FR.04 duplicate tariffId, I07.FR.05 invalid structure (InvalidValue), I07.FR.06 unknown EVSE (UnknownEVSE).
        await using var s = await TariffStation.StartAsync();
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":1,"tariff":{{TariffStation.Tariff("T1")}}}"""));
        Assert.Equal("DuplicateTariffId", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("T1")}}}"""));
        var bad = await s.CallAsync("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("T2", currency: "eu1")}}}""");
        Assert.Equal("Rejected", bad.GetProperty("status").GetString());
        Assert.Equal("InvalidValue", bad.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        var unknown = await s.CallAsync("SetDefaultTariff", $$"""{"evseId":7,"tariff":{{TariffStation.Tariff("T3")}}}""");
        Assert.Equal("UnknownEVSE", unknown.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task TC_I_100_CS()
    {
        // I07.FR.19-21: a tariff with validFrom in the future waits, then replaces the one in force.
        await using var s = await TariffStation.StartAsync();
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("Now")}}}"""));
        var from = s.Rig.Harness.Time.GetUtcNow().AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("Later", extra: $",\"validFrom\":\"{from}\"")}}}"""));
        Assert.Equal("Now", s.Module.Book.Current(1, s.Rig.Harness.Time.GetUtcNow())?.TariffId);
        var both = await s.CallAsync("GetTariffs", """{"evseId":0}""");
        Assert.Equal(2, both.GetProperty("tariffAssignments").GetArrayLength());

        s.Rig.Harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal("Later", s.Module.Book.Current(1, s.Rig.Harness.Time.GetUtcNow())?.TariffId);
        var after = await s.CallAsync("GetTariffs", """{"evseId":0}""");
        var only = Assert.Single(after.GetProperty("tariffAssignments").EnumerateArray());
        Assert.Equal("Later", only.GetProperty("tariffId").GetString());
        Assert.True(only.TryGetProperty("validFrom", out _));
    }

    [Fact]
    public async Task TC_I_110_CS()
    {
        // I10.FR.01/02/06: ClearTariffs clears default tariffs; nothing left → NoTariff.
        await using var s = await TariffStation.StartAsync();
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("D1")}}}"""));
        var cleared = await s.CallAsync("ClearTariffs", """{"tariffIds":["D1"]}""");
        var result = Assert.Single(cleared.GetProperty("clearTariffsResult").EnumerateArray());
        Assert.Equal(("D1", "Accepted"), (result.GetProperty("tariffId").GetString(), result.GetProperty("status").GetString()));
        var again = await s.CallAsync("ClearTariffs", "{}");
        Assert.Equal("NoTariff", Assert.Single(again.GetProperty("clearTariffsResult").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SetDefaultTariff_Persisted_SurvivesNewBook()
    {
        // I07.FR.13: the default tariff is in persistent memory (the store; SQLite in chargerd).
        await using var s = await TariffStation.StartAsync();
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":1,"tariff":{{TariffStation.Tariff("P1")}}}"""));
        var reloaded = new Station.Tariffs.DefaultTariffBook(s.Store);
        Assert.Equal("P1", reloaded.Current(1, s.Rig.Harness.Time.GetUtcNow())?.TariffId);
    }
}
