using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>Security profile downgrades through SetNetworkProfile (A00.FR.005, B09.FR.04/31/32) on a real profile 3 connection.</summary>
public sealed class SecurityProfileDowngradeTests : IDisposable
{
    private readonly TestCertificates _certificates = SecuritySetup.CreateCertificates();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task TC_B_112_CS()
    {
        await using var h = await SecuritySetup.StartProfile3Async(_certificates, new InMemoryCertificateStore());

        var reply = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, new Uri("wss://localhost:9/ocpp"), 2));

        // B09.FR.04: AllowSecurityProfileDowngrade is false by default.
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task SetNetworkProfile_DowngradeAllowed_OnlyThreeToTwo()
    {
        await using var h = await SecuritySetup.StartProfile3Async(_certificates, new InMemoryCertificateStore());
        var allow = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "AllowSecurityProfileDowngrade", "true"));
        Assert.Equal("Accepted", allow[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        var toTwo = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, new Uri("wss://localhost:9/ocpp"), 2));
        var toOne = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(2, new Uri("ws://localhost:9/ocpp"), 1));

        // B09.FR.31/32.
        Assert.Equal("Accepted", toTwo[2].GetProperty("status").GetString());
        Assert.Equal("Rejected", toOne[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_B_110_CS()
    {
        await using var h = await SecuritySetup.StartProfile3Async(_certificates, new InMemoryCertificateStore());
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "AllowSecurityProfileDowngrade", "true"));

        var reply = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, new Uri("ws://localhost:9/ocpp"), 1));

        // B09.FR.32: never down to profile 1, whatever AllowSecurityProfileDowngrade says.
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
    }
}
