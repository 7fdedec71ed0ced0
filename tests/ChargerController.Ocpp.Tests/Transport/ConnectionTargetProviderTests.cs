using System.Collections.Concurrent;
using System.Text;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Ocpp.Tests.Transport;

/// <summary>The transport asks an <see cref="IConnectionTargetProvider"/> before every attempt and reports each outcome.</summary>
public sealed class ConnectionTargetProviderTests
{
    private const string Password = "0123456789abcdef";

    [Fact]
    public async Task Provider_SecondTargetAfterFailure_ConnectsThereAndReportsKinds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var refusing = await LoopbackCsms.StartAsync(new() { BasicAuthPassword = Password });
        refusing.RefuseConnections(int.MaxValue);
        await using var good = await LoopbackCsms.StartAsync(new() { BasicAuthPassword = "another-password-0123" });
        var provider = new ScriptedProvider(
            new ConnectionTarget { Name = "a", CsmsUrl = refusing.Endpoint, SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication },
            new ConnectionTarget { Name = "b", CsmsUrl = good.Endpoint, SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "another-password-0123" });
        await using var transport = new WebSocketOcppTransport(Options(refusing.Endpoint, provider, TimeSpan.Zero), time, new ListLogger());
        await transport.StartAsync(CancellationToken.None);

        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);

        Assert.Equal([("a", ConnectFailureKind.Refused)], provider.Failures.ToArray());
        Assert.Equal(["b"], provider.Connected.ToArray());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CS001:another-password-0123")), good.Attempts.Single().Authorization);
        Assert.StartsWith(good.Endpoint.GetLeftPart(UriPartial.Path), transport.ConnectionUri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_ReportedUnauthorized()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var csms = await LoopbackCsms.StartAsync(new() { BasicAuthPassword = Password });
        var provider = new ScriptedProvider(
            new ConnectionTarget { Name = "wrong", CsmsUrl = csms.Endpoint, SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "not-the-password-123" },
            new ConnectionTarget { Name = "right", CsmsUrl = csms.Endpoint, SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication });
        await using var transport = new WebSocketOcppTransport(Options(csms.Endpoint, provider, TimeSpan.Zero), time, new ListLogger());
        await transport.StartAsync(CancellationToken.None);

        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);

        Assert.Equal([("wrong", ConnectFailureKind.Unauthorized)], provider.Failures.ToArray());
        Assert.Equal([401, 101], csms.Attempts.Select(a => a.StatusCode).ToArray());
    }

    [Fact]
    public async Task InvalidTarget_NotAttempted_ReportedInvalidTarget()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var csms = await LoopbackCsms.StartAsync(new() { BasicAuthPassword = Password });
        var provider = new ScriptedProvider(
            new ConnectionTarget { Name = "tls-without-roots", CsmsUrl = new Uri("wss://localhost:1/ocpp"), SecurityProfile = SecurityProfile.TlsWithBasicAuthentication },
            new ConnectionTarget { Name = "ok", CsmsUrl = csms.Endpoint, SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication });
        await using var transport = new WebSocketOcppTransport(Options(csms.Endpoint, provider, TimeSpan.Zero), time, new ListLogger());
        await transport.StartAsync(CancellationToken.None);

        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);

        Assert.Equal([("tls-without-roots", ConnectFailureKind.InvalidTarget)], provider.Failures.ToArray());
        Assert.Single(csms.Attempts);
    }

    [Fact]
    public async Task RequestReconnect_ClosesAndReconnectsWithoutBackOff()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var csms = await LoopbackCsms.StartAsync(new() { BasicAuthPassword = Password, TimeProvider = time });
        var provider = new ScriptedProvider(new ConnectionTarget { Name = "only", CsmsUrl = csms.Endpoint, SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication });
        await using var transport = new WebSocketOcppTransport(Options(csms.Endpoint, provider, TimeSpan.FromMinutes(10)), time, new ListLogger());
        await transport.StartAsync(CancellationToken.None);
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        var first = await csms.WaitForSessionAsync();

        provider.RaiseReconnect();

        await TransportEvents.NextAsync(transport, TransportEventKind.Disconnected);
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        await first.Closed.WaitAsync(TransportEvents.Wait);

        // Normal closure from the station, and the new attempt at the same virtual instant: no 10-minute back-off.
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, first.CloseStatus);
        Assert.Equal(csms.Attempts[0].At, csms.Attempts[1].At);
        Assert.Equal(2, csms.Sessions.Count);
    }

    private static WebSocketTransportOptions Options(Uri url, IConnectionTargetProvider provider, TimeSpan backOff) => new()
    {
        CsmsUrl = url,
        StationId = "CS001",
        SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
        BasicAuthPassword = Password,
        WebSocketPingInterval = TimeSpan.Zero,
        RetryBackOffWaitMinimum = backOff,
        RetryBackOffRandomRange = TimeSpan.Zero,
        ConnectionTargets = provider,
    };

    /// <summary>Hands out its targets in order (the last one forever) and records the outcomes.</summary>
    private sealed class ScriptedProvider(params ConnectionTarget[] targets) : IConnectionTargetProvider
    {
        private int _next;

        public event EventHandler? ReconnectRequested;

        public ConcurrentQueue<(string Name, ConnectFailureKind Kind)> Failures { get; } = new();

        public ConcurrentQueue<string> Connected { get; } = new();

        public ConnectionTarget? GetTarget() => targets[Math.Min(Interlocked.Increment(ref _next) - 1, targets.Length - 1)];

        public void OnConnected(ConnectionTarget? target) => Connected.Enqueue(target!.Name);

        public void OnConnectFailed(ConnectionTarget? target, ConnectFailureKind kind, string reason) => Failures.Enqueue((target!.Name, kind));

        public void RaiseReconnect() => ReconnectRequested?.Invoke(this, EventArgs.Empty);
    }
}
