using System.Security.Authentication;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using ChargerController.Testing.Tls;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>A00.FR.314/316: the station speaks TLS 1.2 or newer only.</summary>
public sealed class TlsVersionTests
{
    [Fact]
    public async Task TC_A_06_CS()
    {
        using var certificates = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
#pragma warning disable SYSLIB0039, CA5397 // A CSMS stuck on TLS 1.0/1.1 is exactly what this test plays.
        var tooOld = SslProtocols.Tls11 | SslProtocols.Tls;
#pragma warning restore SYSLIB0039, CA5397
        await using var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions
        {
            BasicAuthPassword = NetworkProfileSetup.Password,
            ServerCertificate = certificates.Server,
            ServerSslProtocols = tooOld,
        });
        var targets = new RecordingConnectionTargets();
        await using var transport = new WebSocketOcppTransport(
            new WebSocketTransportOptions
            {
                CsmsUrl = csms.Endpoint,
                StationId = "CS001",
                SecurityProfile = SecurityProfile.TlsWithBasicAuthentication,
                BasicAuthPassword = NetworkProfileSetup.Password,
                CsmsRootCertificates = [certificates.Ca],
                RetryBackOffWaitMinimum = TimeSpan.FromSeconds(1),
                RetryBackOffRandomRange = TimeSpan.Zero,
                WebSocketPingInterval = TimeSpan.Zero,
                ConnectionTargets = targets,
            },
            new FakeTimeProvider(NetworkProfileSetup.HarnessStart),
            new ListLogger());
        await transport.StartAsync(CancellationToken.None);

        // The handshake started and was abandoned: no HTTP upgrade, no WebSocket session.
        var kind = await targets.FirstFailure.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(kind, new[] { ConnectFailureKind.InvalidTlsVersion, ConnectFailureKind.TlsHandshakeFailed });
        Assert.True(csms.TlsHandshakesStarted >= 1);
        Assert.Empty(csms.Attempts);
        Assert.Empty(csms.Sessions);
        Assert.Equal(0, targets.Connected);
    }
}
