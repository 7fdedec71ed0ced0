using ChargerController.Ocpp.Transport;
using ChargerController.Station.Diagnostics;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>Security profile 2 over real TLS against a test CA generated at test time (A00, A04).</summary>
public sealed class TlsConnectionTests
{
    [Fact]
    public async Task TC_A_04_CS()
    {
        using var certificates = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
        var credentials = new TestTlsCredentials();
        credentials.SetRoots(certificates.Ca);
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create(
            credentials,
            new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = certificates.Server },
            SecurityProfile.TlsWithBasicAuthentication,
            [certificates.Ca]));
        await h.WaitAcceptedAsync();

        Assert.Equal("wss", h.Csms.Endpoint.Scheme);
        await h.WaitForCallsAsync("StatusNotification", 2);
        Assert.All(h.Calls("StatusNotification"), c => Assert.Equal("Available", c.GetProperty("connectorStatus").GetString()));
    }

    [Fact]
    public async Task TC_A_05_CS()
    {
        using var certificates = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
        using var unrelated = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
        var credentials = new TestTlsCredentials();
        credentials.SetRoots(certificates.Ca);

        // The first attempt trusts only another CA, as if the CSMS presented an unknown certificate; the second succeeds.
        credentials.AnswerOnce(unrelated.Ca);
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create(
            credentials,
            new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = certificates.Server },
            SecurityProfile.TlsWithBasicAuthentication,
            [certificates.Ca],
            backOff: TimeSpan.Zero));
        await h.WaitAcceptedAsync();

        // A00.FR.311 / A04: the refused certificate is reported once connected.
        var frame = await h.Session.WaitForFrameAsync(f => f.Action == "SecurityEventNotification"
            && f.Json!.Value[3].GetProperty("type").GetString() == SecurityEventReporter.InvalidCsmsCertificate);
        Assert.NotNull(frame);
        Assert.Single(h.Csms.Sessions);
    }

    [Fact]
    public async Task RejectedPassword_RaisesFailedToAuthenticateAtCsms()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create(backOff: TimeSpan.Zero), waitForBoot: false);
        await h.WaitAcceptedAsync();
        h.Csms.SetBasicAuthPassword("another-password-entirely");
        h.Csms.DropCurrentSession();

        await h.Csms.WaitForAttemptAsync(2);
        h.Csms.SetBasicAuthPassword(NetworkProfileSetup.Password);
        var session = await h.Csms.WaitForSessionAsync(2);

        // The event may have met the flapping connection and wait for its retry interval: let virtual time run.
        await h.AdvanceUntilAsync(
            () => session.FromStation.Any(f => f.Action == "SecurityEventNotification" && f.Json!.Value[3].GetProperty("type").GetString() == SecurityEventReporter.FailedToAuthenticateAtCsms),
            TimeSpan.FromSeconds(5),
            TimeSpan.FromMinutes(10));
        Assert.Contains(h.Csms.Attempts, a => a.StatusCode == 401);
    }
}
