using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>K10 ClearChargingProfile.</summary>
public sealed class ClearChargingProfileTests
{
    [Fact]
    public async Task TC_K_05_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(401)));
        Assert.Equal("Accepted", (await cs.CallAsync("ClearChargingProfile", """{"chargingProfileId":401}""")).GetProperty("status").GetString());
        Assert.Equal("NoProfiles", (await cs.GetProfilesAsync(1, """{"chargingProfileId":[401]}""")).Status);
    }

    [Fact]
    public async Task TC_K_06_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(402, stackLevel: 3)));
        Assert.Equal("Accepted", (await cs.CallAsync("ClearChargingProfile", """{"chargingProfileCriteria":{"chargingProfilePurpose":"TxDefaultProfile","stackLevel":3}}""")).GetProperty("status").GetString());
        Assert.Equal("NoProfiles", (await cs.GetProfilesAsync(2, """{"chargingProfilePurpose":"TxDefaultProfile","stackLevel":3}""")).Status);
    }

    [Fact]
    public async Task TC_K_07_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(403, stackLevel: 1)));
        var answer = await cs.CallAsync("ClearChargingProfile", """{"chargingProfileCriteria":{"chargingProfilePurpose":"ChargingStationMaxProfile","stackLevel":0}}""");
        Assert.Equal("Unknown", answer.GetProperty("status").GetString());
        Assert.Equal("Accepted", (await cs.GetProfilesAsync(3, """{"chargingProfileId":[403]}""")).Status);
    }

    [Fact]
    public async Task TC_K_08_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Unknown", (await cs.CallAsync("ClearChargingProfile", """{"chargingProfileId":404}""")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_K_09_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(405, limit: 8)));
        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(8, limit.CurrentLimitA);
        Assert.Equal("Accepted", (await cs.CallAsync("ClearChargingProfile", """{"chargingProfileId":405}""")).GetProperty("status").GetString());

        // K10.FR.05/07: recomputed at once; the transaction continues without a TxDefaultProfile.
        Assert.Equal(32, limit.CurrentLimitA);
        Assert.True(cs.H.Transactions.HasActiveTransaction(1));
    }

    [Fact]
    public async Task TC_K_24_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(406, stackLevel: 2)));
        Assert.Equal("Accepted", await cs.SetAsync(2, TxDefault(407, stackLevel: 2)));
        Assert.Equal("Accepted", await cs.SetAsync(2, TxDefault(408, stackLevel: 1)));
        Assert.Equal("Accepted", (await cs.CallAsync("ClearChargingProfile", """{"chargingProfileCriteria":{"chargingProfilePurpose":"TxDefaultProfile","stackLevel":2}}""")).GetProperty("status").GetString());
        var (_, reports) = await cs.GetProfilesAsync(4, """{"chargingProfilePurpose":"TxDefaultProfile"}""");
        Assert.Equal(408, Assert.Single(Assert.Single(reports).GetProperty("chargingProfile").EnumerateArray()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task ExternalConstraints_NeitherClearedByIdNorByCriteria()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.True(await cs.Module.External.SetAsync(1, "EMS", new() { ChargingRateUnit = Ocpp.Enums.ChargingRateUnitEnumType.A, ChargingSchedulePeriod = [new() { StartPeriod = 0, Limit = 10 }] }, null, CancellationToken.None));
        var id = Assert.Single(cs.Module.Profiles.All).Id;
        Assert.Equal("Unknown", (await cs.CallAsync("ClearChargingProfile", $$"""{"chargingProfileId":{{id}}}""")).GetProperty("status").GetString()); // K10.FR.09
        Assert.Equal("Unknown", (await cs.CallAsync("ClearChargingProfile", """{"chargingProfileCriteria":{"evseId":1}}""")).GetProperty("status").GetString()); // K10.FR.08
        Assert.Single(cs.Module.Profiles.All);
    }
}
