using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Tls;
using J = ChargerController.Station.Tests.Conformance.NetworkProfiles.NetworkConfigurationJson;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>Security profile downgrades through the device model (NetworkConfiguration.SecurityProfile, errata 2025-09 B09.FR.32/35) on a real profile 3 connection.</summary>
public sealed class NetworkConfigurationDowngradeTests : IDisposable
{
    private readonly TestCertificates _certificates = SecuritySetup.CreateCertificates();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task TC_B_111_CS()
    {
        await using var h = await SecuritySetup.StartProfile3Async(_certificates, new InMemoryCertificateStore());
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "AllowSecurityProfileDowngrade", "true"));

        var reply = await h.Session.CallAsync("SetVariables", J.Set(1, "SecurityProfile", "1"));

        // B09.FR.32: never down to profile 1, whatever AllowSecurityProfileDowngrade says.
        Assert.Equal("Rejected", J.Status(reply));
        Assert.Equal("NoSecurityDowngrade", J.ReasonCode(reply));
        Assert.Equal(string.Empty, await J.ReadAsync(h.Session, 1, "SecurityProfile"));
    }

    [Fact]
    public async Task TC_B_113_CS()
    {
        await using var h = await SecuritySetup.StartProfile3Async(_certificates, new InMemoryCertificateStore());

        var refused = await h.Session.CallAsync("SetVariables", J.Set(1, "SecurityProfile", "2"));

        // B09.FR.35: AllowSecurityProfileDowngrade is false by default, so 3 -> 2 is refused too.
        Assert.Equal("Rejected", J.Status(refused));
        Assert.Equal("NoSecurityDowngrade", J.ReasonCode(refused));

        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "AllowSecurityProfileDowngrade", "true"));
        var allowed = await h.Session.CallAsync("SetVariables", J.Set(1, "SecurityProfile", "2"));
        var same = await h.Session.CallAsync("SetVariables", J.Set(2, "SecurityProfile", "3"));
        Assert.Equal("Accepted", J.Status(allowed));
        Assert.Equal("Accepted", J.Status(same));
    }
}
