using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using ChargerController.Testing.Tls;

namespace ChargerController.Ocpp.Tests.Transport;

/// <summary>The station WebSocket against the loopback CSMS on real sockets: URL, auth, subprotocols, TLS.</summary>
public sealed class WebSocketOcppTransportTests
{
    private const string Password = "Pa55word-0123456789";

    [Fact]
    public async Task Profile1_ConnectsWithEncodedIdBasicAuthAndPreferredSubprotocol()
    {
        await using var csms = await LoopbackCsms.StartAsync(new() { BasicAuthPassword = Password });
        var log = new ListLogger();
        await using var transport = new WebSocketOcppTransport(Profile1(csms, "RDAM|123"), TimeProvider.System, log);
        await transport.StartAsync(CancellationToken.None);

        var connected = await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        Assert.Equal(OcppVersion.V21, connected.Version);
        Assert.Equal(OcppVersion.V21, transport.NegotiatedVersion);
        var attempt = Assert.Single(csms.Attempts);
        Assert.Equal("/ocpp/RDAM%7C123", attempt.RawTarget);
        Assert.Equal("RDAM|123", attempt.StationId);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("RDAM|123:" + Password)), attempt.Authorization);
        Assert.Equal(["ocpp2.1", "ocpp2.0.1"], attempt.RequestedSubprotocols);

        // Frames both ways, byte-exact.
        var session = await csms.WaitForSessionAsync();
        await transport.SendAsync("[2,\"1\",\"Heartbeat\",{}]"u8.ToArray(), CancellationToken.None);
        Assert.Equal("[2,\"1\",\"Heartbeat\",{}]", (await session.WaitForCallAsync("Heartbeat")).Text);
        var reply = await TransportEvents.NextAsync(transport, TransportEventKind.Frame);
        Assert.StartsWith("[4,\"1\",\"NotImplemented\"", Encoding.UTF8.GetString(reply.Data.Span), StringComparison.Ordinal);

        await transport.StopAsync(CancellationToken.None);
        await session.Closed.WaitAsync(TransportEvents.Wait);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, session.CloseStatus);
        Assert.Equal(TransportEventKind.Stopped, (await TransportEvents.NextAsync(transport, TransportEventKind.Stopped)).Kind);
        AssertNoSecret(log);
    }

    [Fact]
    public async Task Profile1_WrongPassword_RefusedWith401AndPasswordNeverLogged()
    {
        await using var csms = await LoopbackCsms.StartAsync(new() { BasicAuthPassword = "the-csms-expects-this" });
        var log = new ListLogger();
        await using var transport = new WebSocketOcppTransport(Profile1(csms, "CS001"), TimeProvider.System, log);
        var states = TransportEvents.Record(transport);
        await transport.StartAsync(CancellationToken.None);

        var waiting = await states.NextAsync(WebSocketTransportState.WaitingToReconnect);
        Assert.Contains("401", waiting.Reason, StringComparison.Ordinal);
        Assert.Equal(401, Assert.Single(csms.Attempts).StatusCode);
        Assert.False(transport.IsConnected);
        AssertNoSecret(log);
    }

    [Theory]
    [InlineData(new[] { "ocpp2.0.1" }, OcppVersion.V201)]
    [InlineData(new[] { "ocpp2.1" }, OcppVersion.V21)]
    [InlineData(new[] { "ocpp2.0.1", "ocpp2.1" }, OcppVersion.V21)]
    public async Task Subprotocol_CsmsSupportSubset_FallsBackToWhatItPicks(string[] supported, OcppVersion expected)
    {
        await using var csms = await LoopbackCsms.StartAsync(new() { SupportedSubprotocols = supported });
        await using var transport = new WebSocketOcppTransport(Profile1(csms, "CS001"), TimeProvider.System, new ListLogger());
        await transport.StartAsync(CancellationToken.None);
        Assert.Equal(expected, (await TransportEvents.NextAsync(transport, TransportEventKind.Connected)).Version);
    }

    [Fact]
    public async Task Subprotocol_OnlyOffer201_CsmsSeesOnlyThat()
    {
        await using var csms = await LoopbackCsms.StartAsync(null);
        var options = Profile1(csms, "CS001");
        await using var transport = new WebSocketOcppTransport(Clone(options, offered: [OcppVersion.V201]), TimeProvider.System, new ListLogger());
        await transport.StartAsync(CancellationToken.None);
        Assert.Equal(OcppVersion.V201, (await TransportEvents.NextAsync(transport, TransportEventKind.Connected)).Version);
        Assert.Equal(["ocpp2.0.1"], Assert.Single(csms.Attempts).RequestedSubprotocols);
    }

    [Fact]
    public async Task Subprotocol_CsmsAcceptsNone_AttemptFailsAndIsRetriedLater()
    {
        await using var csms = await LoopbackCsms.StartAsync(new() { SupportedSubprotocols = [] });
        var log = new ListLogger();
        await using var transport = new WebSocketOcppTransport(Profile1(csms, "CS001"), TimeProvider.System, log);
        var states = TransportEvents.Record(transport);
        await transport.StartAsync(CancellationToken.None);

        var waiting = await states.NextAsync(WebSocketTransportState.WaitingToReconnect);
        Assert.Contains("no OCPP subprotocol", waiting.Reason, StringComparison.Ordinal);
        Assert.Null(Assert.Single(csms.Attempts).SelectedSubprotocol);
        Assert.True(log.Has(2004));
        Assert.Empty(csms.Sessions);
    }

    [Fact]
    public async Task Profile2_ServerCertificateFromInstalledRoot_Connects()
    {
        using var certs = TestCertificates.Create();
        await using var csms = await LoopbackCsms.StartAsync(new() { ServerCertificate = certs.Server, BasicAuthPassword = Password });
        var log = new ListLogger();
        await using var transport = new WebSocketOcppTransport(Profile2(csms, certs.Ca), TimeProvider.System, log);
        await transport.StartAsync(CancellationToken.None);

        Assert.Equal(OcppVersion.V21, (await TransportEvents.NextAsync(transport, TransportEventKind.Connected)).Version);
        Assert.StartsWith("wss://localhost:", csms.Endpoint.AbsoluteUri, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(csms.Attempts).Authorization);
        AssertNoSecret(log);
    }

    [Fact]
    public async Task Profile2_ServerCertificateFromOtherCa_NeverAccepted()
    {
        using var certs = TestCertificates.Create();
        using var otherCa = TestCertificates.CreateCa("Somebody Else");
        await using var csms = await LoopbackCsms.StartAsync(new() { ServerCertificate = certs.Server, BasicAuthPassword = Password });
        var log = new ListLogger();
        await using var transport = new WebSocketOcppTransport(Profile2(csms, otherCa), TimeProvider.System, log);
        var states = TransportEvents.Record(transport);
        await transport.StartAsync(CancellationToken.None);

        await states.NextAsync(WebSocketTransportState.WaitingToReconnect);
        Assert.True(log.Has(2005));
        Assert.Contains(log.Entries, e => e.EventId == 2005 && e.Message.Contains("chain not trusted", StringComparison.Ordinal));
        Assert.Empty(csms.Attempts);
        Assert.False(transport.IsConnected);
    }

    [Fact]
    public async Task Profile2_HostNameMismatch_Rejected()
    {
        using var ca = TestCertificates.CreateCa("Test CA");
        using var server = TestCertificates.IssueServer(ca, ["csms.other.example"]);
        await using var csms = await LoopbackCsms.StartAsync(new() { ServerCertificate = server, BasicAuthPassword = Password });
        var log = new ListLogger();
        await using var transport = new WebSocketOcppTransport(Profile2(csms, ca), TimeProvider.System, log);
        var states = TransportEvents.Record(transport);
        await transport.StartAsync(CancellationToken.None);

        await states.NextAsync(WebSocketTransportState.WaitingToReconnect);
        Assert.Contains(log.Entries, e => e.EventId == 2005 && e.Message.Contains("host name", StringComparison.Ordinal));
        Assert.Empty(csms.Attempts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Profile2_WildcardCertificate_OnlyWhenAllowed(bool allow)
    {
        using var ca = TestCertificates.CreateCa("Test CA");
        using var server = TestCertificates.IssueServer(ca, ["localhost", "*.example.com"]);
        await using var csms = await LoopbackCsms.StartAsync(new() { ServerCertificate = server, BasicAuthPassword = Password });
        var log = new ListLogger();
        var options = Profile2(csms, ca);
        await using var transport = new WebSocketOcppTransport(Clone(options, allowWildcards: allow), TimeProvider.System, log);
        var states = TransportEvents.Record(transport);
        await transport.StartAsync(CancellationToken.None);

        if (allow)
        {
            await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        }
        else
        {
            await states.NextAsync(WebSocketTransportState.WaitingToReconnect);
            Assert.Contains(log.Entries, e => e.EventId == 2005 && e.Message.Contains("wildcard", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Profile3_ClientCertificate_PresentedAndNoBasicAuth()
    {
        using var certs = TestCertificates.Create("CS003");
        await using var csms = await LoopbackCsms.StartAsync(new() { ServerCertificate = certs.Server, ClientCertificateCa = certs.Ca });
        var options = new WebSocketTransportOptions
        {
            CsmsUrl = csms.Endpoint,
            StationId = "CS003",
            SecurityProfile = SecurityProfile.TlsWithClientSideCertificates,
            ClientCertificate = certs.Client,
            CsmsRootCertificates = new X509Certificate2Collection(certs.Ca),
            WebSocketPingInterval = TimeSpan.Zero,
        };
        await using var transport = new WebSocketOcppTransport(options, TimeProvider.System, new ListLogger());
        await transport.StartAsync(CancellationToken.None);

        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        var attempt = Assert.Single(csms.Attempts);
        Assert.Contains("CN=CS003", attempt.ClientCertificateSubject, StringComparison.Ordinal);
        Assert.Null(attempt.Authorization);
    }

    [Fact]
    public async Task Frames_OversizedAndBinary_DroppedConnectionSurvives()
    {
        await using var csms = await LoopbackCsms.StartAsync(null);
        await using var transport = new WebSocketOcppTransport(Clone(Profile1(csms, "CS001"), maxFrameBytes: 4096), TimeProvider.System, new ListLogger());
        await transport.StartAsync(CancellationToken.None);
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        var session = await csms.WaitForSessionAsync();

        await session.SendTextAsync("[2,\"huge\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + new string('a', 200_000) + "\"}]");
        var oversized = await TransportEvents.NextAsync(transport, TransportEventKind.OversizedFrame);
        Assert.Equal(1024, oversized.Data.Length);
        Assert.StartsWith("[2,\"huge\"", Encoding.UTF8.GetString(oversized.Data.Span), StringComparison.Ordinal);

        await session.SendBytesAsync([1, 2, 3], WebSocketMessageType.Binary);
        await session.SendTextAsync("[2,\"after\",\"Heartbeat\",{}]");
        var next = await TransportEvents.NextAsync(transport, TransportEventKind.Frame);
        Assert.Equal("[2,\"after\",\"Heartbeat\",{}]", Encoding.UTF8.GetString(next.Data.Span));
        Assert.True(transport.IsConnected);
    }

    private static WebSocketTransportOptions Profile1(LoopbackCsms csms, string stationId) => new()
    {
        CsmsUrl = csms.Endpoint,
        StationId = stationId,
        SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
        BasicAuthPassword = Password,
        WebSocketPingInterval = TimeSpan.Zero,
        RetryBackOffWaitMinimum = TimeSpan.FromHours(1),
        RetryBackOffRandomRange = TimeSpan.Zero,
    };

    private static WebSocketTransportOptions Profile2(LoopbackCsms csms, X509Certificate2 root) => new()
    {
        CsmsUrl = csms.Endpoint,
        StationId = "CS002",
        SecurityProfile = SecurityProfile.TlsWithBasicAuthentication,
        BasicAuthPassword = Password,
        CsmsRootCertificates = new X509Certificate2Collection(root),
        WebSocketPingInterval = TimeSpan.Zero,
        RetryBackOffWaitMinimum = TimeSpan.FromHours(1),
        RetryBackOffRandomRange = TimeSpan.Zero,
    };

    private static WebSocketTransportOptions Clone(WebSocketTransportOptions o, IReadOnlyList<OcppVersion>? offered = null, bool? allowWildcards = null, int? maxFrameBytes = null) => new()
    {
        CsmsUrl = o.CsmsUrl,
        StationId = o.StationId,
        SecurityProfile = o.SecurityProfile,
        BasicAuthPassword = o.BasicAuthPassword,
        CsmsRootCertificates = o.CsmsRootCertificates,
        ClientCertificate = o.ClientCertificate,
        OfferedVersions = offered ?? o.OfferedVersions,
        AllowCsmsTlsWildcards = allowWildcards ?? o.AllowCsmsTlsWildcards,
        MaxFrameBytes = maxFrameBytes ?? o.MaxFrameBytes,
        WebSocketPingInterval = o.WebSocketPingInterval,
        RetryBackOffWaitMinimum = o.RetryBackOffWaitMinimum,
        RetryBackOffRandomRange = o.RetryBackOffRandomRange,
    };

    private static void AssertNoSecret(ListLogger log)
    {
        var text = log.AllText;
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("the-csms-expects-this", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("CS001:" + Password)), text, StringComparison.Ordinal);
    }
}
