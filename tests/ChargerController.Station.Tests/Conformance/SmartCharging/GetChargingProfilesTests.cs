using System.Text.Json;
using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>K09 GetChargingProfiles / ReportChargingProfiles.</summary>
public sealed class GetChargingProfilesTests
{
    [Fact]
    public async Task TC_K_29_CS()
    {
        await using var cs = await InstalledAsync();
        var (status, reports) = await cs.GetProfilesAsync(1, """{"chargingProfilePurpose":"TxDefaultProfile"}""", evseId: 0);
        Assert.Equal("Accepted", status);
        Assert.Equal([201], Ids(reports));
        Assert.All(reports, r => Assert.Equal(0, r.GetProperty("evseId").GetInt32()));
    }

    [Fact]
    public async Task TC_K_30_CS()
    {
        await using var cs = await InstalledAsync();
        var (_, reports) = await cs.GetProfilesAsync(2, """{"chargingProfilePurpose":"TxDefaultProfile"}""", evseId: 1);
        Assert.Equal([202, 203], Ids(reports));
    }

    [Fact]
    public async Task TC_K_31_CS()
    {
        await using var cs = await InstalledAsync();
        var (_, reports) = await cs.GetProfilesAsync(3, """{"chargingProfilePurpose":"TxDefaultProfile"}""");
        Assert.Equal([201, 202, 203, 204], Ids(reports));
        Assert.Equal([0, 1, 2], reports.Select(r => r.GetProperty("evseId").GetInt32()));
    }

    [Fact]
    public async Task TC_K_32_CS()
    {
        await using var cs = await InstalledAsync();
        var (_, reports) = await cs.GetProfilesAsync(4, """{"chargingProfileId":[203,204]}""");
        Assert.Equal([203, 204], Ids(reports));
    }

    [Fact]
    public async Task TC_K_33_CS()
    {
        await using var cs = await InstalledAsync();
        var (_, reports) = await cs.GetProfilesAsync(5, """{"stackLevel":2}""", evseId: 1);
        Assert.Equal([203], Ids(reports));
    }

    [Fact]
    public async Task TC_K_34_CS()
    {
        await using var cs = await InstalledAsync();
        var (_, reports) = await cs.GetProfilesAsync(6, """{"chargingLimitSource":["CSO"]}""", evseId: 1);
        Assert.Equal([202, 203], Ids(reports));
        var (none, _) = await cs.GetProfilesAsync(7, """{"chargingLimitSource":["EMS"]}""", evseId: 1);
        Assert.Equal("NoProfiles", none);
    }

    [Fact]
    public async Task TC_K_35_CS()
    {
        await using var cs = await InstalledAsync();
        var (_, reports) = await cs.GetProfilesAsync(8, """{"chargingProfilePurpose":"TxDefaultProfile"}""", evseId: 2);
        Assert.Equal([204], Ids(reports));
    }

    [Fact]
    public async Task TC_K_36_CS()
    {
        await using var cs = await InstalledAsync();
        var (_, reports) = await cs.GetProfilesAsync(9, """{"chargingProfilePurpose":"TxDefaultProfile","stackLevel":1}""", evseId: 1);
        Assert.Equal([202], Ids(reports));
        var (none, _) = await cs.GetProfilesAsync(10, """{"chargingProfilePurpose":"ChargingStationMaxProfile","stackLevel":1}""", evseId: 1);
        Assert.Equal("NoProfiles", none);
    }

    [Fact]
    public async Task ManyProfiles_PagedWithTbc_SameRequestId()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal("Accepted", await cs.SetAsync(1, Profile(300 + i, "TxDefaultProfile", stackLevel: i % 9, startSchedule: ProfileJson.T0)));
        }

        var (_, reports) = await cs.GetProfilesAsync(42, """{"chargingProfilePurpose":"TxDefaultProfile"}""");
        Assert.Equal(2, reports.Count);
        Assert.True(reports[0].GetProperty("tbc").GetBoolean());
        Assert.False(reports[1].TryGetProperty("tbc", out _));
        Assert.Equal(Enumerable.Range(300, 9), Ids(reports));
    }

    private static async Task<SmartChargingStation> InstalledAsync()
    {
        var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(0, TxDefault(201, stackLevel: 0)));
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(202, stackLevel: 1)));
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(203, stackLevel: 2)));
        Assert.Equal("Accepted", await cs.SetAsync(2, TxDefault(204, stackLevel: 1)));
        Assert.Equal("Accepted", await cs.SetAsync(0, Max(205)));
        return cs;
    }

    private static IEnumerable<int> Ids(IEnumerable<JsonElement> reports) =>
        reports.SelectMany(r => r.GetProperty("chargingProfile").EnumerateArray()).Select(p => p.GetProperty("id").GetInt32()).Order();
}
