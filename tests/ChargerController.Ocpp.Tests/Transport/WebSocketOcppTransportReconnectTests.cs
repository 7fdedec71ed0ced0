using System.Text;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Ocpp.Tests.Transport;

/// <summary>Reconnecting per Part 4 §5.4 (+ errata §4.1), in virtual time against a real refusing/dropping CSMS.</summary>
public sealed class WebSocketOcppTransportReconnectTests
{
    [Fact]
    public async Task BackOff_RefusedAttempts_FollowScheduleAndResetAfterSuccess()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var t0 = time.GetUtcNow();
        await using var csms = await LoopbackCsms.StartAsync(new() { TimeProvider = time });
        csms.RefuseConnections(int.MaxValue);
        var options = new WebSocketTransportOptions
        {
            CsmsUrl = csms.Endpoint,
            StationId = "CS001",
            SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
            BasicAuthPassword = "0123456789abcdef",
            WebSocketPingInterval = TimeSpan.Zero,
            RetryBackOffWaitMinimum = TimeSpan.FromSeconds(10),
            RetryBackOffRandomRange = TimeSpan.Zero,
            RetryBackOffRepeatTimes = 2,
        };
        await using var transport = new WebSocketOcppTransport(options, time, new ListLogger());
        var states = TransportEvents.Record(transport);
        await transport.StartAsync(CancellationToken.None);

        // The first connection attempt is immediate; then 10, 20, 40, 40 s (doubling twice, then constant).
        var expectedAttemptTimes = new[] { 0, 10, 30, 70, 110 };
        var expectedDelays = new[] { 10, 20, 40, 40 };
        for (var i = 0; i < expectedDelays.Length; i++)
        {
            var attempt = await csms.WaitForAttemptAsync(i + 1);
            Assert.Equal(t0 + TimeSpan.FromSeconds(expectedAttemptTimes[i]), attempt.At);
            Assert.Equal(503, attempt.StatusCode);
            var waiting = await states.NextAsync(WebSocketTransportState.WaitingToReconnect);
            Assert.Equal(TimeSpan.FromSeconds(expectedDelays[i]), waiting.RetryDelay);

            // One tick short of the back-off: the attempt must not happen yet.
            time.Advance(waiting.RetryDelay!.Value - TimeSpan.FromMilliseconds(1));
            Assert.Equal(i + 1, csms.Attempts.Count);
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(t0 + TimeSpan.FromSeconds(110), (await csms.WaitForAttemptAsync(5)).At);
        await states.NextAsync(WebSocketTransportState.WaitingToReconnect);
        csms.AcceptConnections();
        time.Advance(TimeSpan.FromSeconds(40));
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        Assert.Equal(t0 + TimeSpan.FromSeconds(150), (await csms.WaitForAttemptAsync(6)).At);

        // Errata 2025-06 §4.1: after a successful connection the back-off starts again at the minimum.
        (await csms.WaitForSessionAsync()).Abort();
        var lost = await TransportEvents.NextAsync(transport, TransportEventKind.Disconnected);
        Assert.Contains("connection lost", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10), (await states.NextAsync(WebSocketTransportState.WaitingToReconnect)).RetryDelay);
        time.Advance(TimeSpan.FromSeconds(10));
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);

        // The station can see the 101 answer before the CSMS double has recorded the session: wait for it.
        await csms.WaitForSessionAsync(2);
        Assert.Equal(2, csms.Sessions.Count);
    }

    [Fact]
    public async Task InvalidUtf8TextFrame_WebSocketFailsPerRfc6455_StationReconnects()
    {
        var time = new FakeTimeProvider();
        await using var csms = await LoopbackCsms.StartAsync(null);
        var options = new WebSocketTransportOptions
        {
            CsmsUrl = csms.Endpoint,
            StationId = "CS001",
            SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
            BasicAuthPassword = "0123456789abcdef",
            WebSocketPingInterval = TimeSpan.Zero,
            RetryBackOffWaitMinimum = TimeSpan.FromSeconds(5),
            RetryBackOffRandomRange = TimeSpan.Zero,
        };
        await using var transport = new WebSocketOcppTransport(options, time, new ListLogger());
        var states = TransportEvents.Record(transport);
        await transport.StartAsync(CancellationToken.None);
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        var first = await csms.WaitForSessionAsync();

        var bytes = Encoding.UTF8.GetBytes("[2,\"u\",\"Heartbeat\",{\"x\":\"ab\"}]");
        bytes[^4] = 0xFF;
        await first.SendBytesAsync(bytes);

        // RFC 6455 §8.1: a text message that is not UTF-8 fails the WebSocket connection (ClientWebSocket enforces it).
        await TransportEvents.NextAsync(transport, TransportEventKind.Disconnected);
        await first.Closed.WaitAsync(TransportEvents.Wait);
        await states.NextAsync(WebSocketTransportState.WaitingToReconnect);
        time.Advance(TimeSpan.FromSeconds(5));
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        Assert.Equal(2, csms.Sessions.Count);
    }

    [Fact]
    public async Task CsmsClosesGracefully_StationAnswersCloseAndReconnectsAfterMinimumBackOff()
    {
        var time = new FakeTimeProvider();
        await using var csms = await LoopbackCsms.StartAsync();
        var options = new WebSocketTransportOptions
        {
            CsmsUrl = csms.Endpoint,
            StationId = "CS001",
            SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
            BasicAuthPassword = "0123456789abcdef",
            WebSocketPingInterval = TimeSpan.Zero,
            RetryBackOffWaitMinimum = TimeSpan.FromSeconds(30),
            RetryBackOffRandomRange = TimeSpan.Zero,
        };
        await using var transport = new WebSocketOcppTransport(options, time, new ListLogger());
        var states = TransportEvents.Record(transport);
        await transport.StartAsync(CancellationToken.None);
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
        var first = await csms.WaitForSessionAsync();

        await first.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "maintenance");
        var down = await TransportEvents.NextAsync(transport, TransportEventKind.Disconnected);
        Assert.Contains("EndpointUnavailable", down.Reason, StringComparison.Ordinal);
        await first.Closed.WaitAsync(TransportEvents.Wait);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, first.CloseStatus);

        Assert.Equal(TimeSpan.FromSeconds(30), (await states.NextAsync(WebSocketTransportState.WaitingToReconnect)).RetryDelay);
        time.Advance(TimeSpan.FromSeconds(30));
        await TransportEvents.NextAsync(transport, TransportEventKind.Connected);
    }
}
