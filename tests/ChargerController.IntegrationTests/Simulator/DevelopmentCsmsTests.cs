using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChargerController.Simulator.Csms;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.IntegrationTests.Simulator;

/// <summary>The embedded development CSMS over real loopback sockets, with a plain <see cref="ClientWebSocket"/> as the station.</summary>
public sealed class DevelopmentCsmsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void SwitchingProtocols_Rfc6455SampleKey_GivesTheSampleAccept()
    {
        var answer = WebSocketUpgrade.SwitchingProtocols("dGhlIHNhbXBsZSBub25jZQ==", "ocpp2.1");
        Assert.Contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Protocol: ocpp2.1\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /other/CS1 HTTP/1.1\r\nUpgrade: websocket\r\nSec-WebSocket-Key: x", 404)]
    [InlineData("GET /ocpp/ HTTP/1.1\r\nUpgrade: websocket\r\nSec-WebSocket-Key: x", 404)]
    [InlineData("GET /ocpp/CS1 HTTP/1.1\r\nHost: a", 400)]
    [InlineData("POST /ocpp/CS1 HTTP/1.1\r\nUpgrade: websocket\r\nSec-WebSocket-Key: x", 400)]
    [InlineData("garbage", 400)]
    public void Parse_InvalidUpgrade_IsRefusedWithStatus(string head, int status)
    {
        var request = WebSocketUpgrade.Parse(head, "/ocpp");
        Assert.NotNull(request.Error);
        Assert.Equal(status, request.Status);
    }

    [Fact]
    public void Parse_ValidUpgrade_DecodesStationIdAndKeepsOfferOrder()
    {
        var request = WebSocketUpgrade.Parse(
            "GET /ocpp/RDAM%7C123 HTTP/1.1\r\nHost: x\r\nupgrade: websocket\r\nSec-WebSocket-Key: abc==\r\nSec-WebSocket-Protocol: ocpp2.0.1, ocpp2.1\r\nAuthorization: Basic Zm9v",
            "/ocpp");
        Assert.Null(request.Error);
        Assert.Equal("RDAM|123", request.StationId);
        Assert.Equal(["ocpp2.0.1", "ocpp2.1"], request.OfferedSubprotocols);
        Assert.Equal("ocpp2.0.1", WebSocketUpgrade.Select(request.OfferedSubprotocols, ["ocpp2.1", "ocpp2.0.1"]));
        Assert.Equal("Basic Zm9v", request.Authorization);
    }

    [Fact]
    public async Task BootNotification_OverOcpp201_IsAccepted_AndNarrated()
    {
        var narration = new StringWriter();
        await using var csms = DevelopmentCsms.Start(new DevelopmentCsmsOptions { Narration = narration }, TimeProvider.System, NullLoggerFactory.Instance);
        using var client = new ClientWebSocket();
        client.Options.AddSubProtocol("ocpp2.0.1");
        using var cts = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(new Uri(csms.Endpoint + "/CS%201"), cts.Token);
        Assert.Equal("ocpp2.0.1", client.SubProtocol);

        var reply = await CallAsync(client, """[2,"m1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]""", cts.Token);
        Assert.Equal(3, reply[0].GetInt32());
        Assert.Equal("m1", reply[1].GetString());
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(1, csms.BootsAccepted);

        var authorize = await CallAsync(client, """[2,"m2","Authorize",{"idToken":{"idToken":"04A1B2C3","type":"ISO14443"}}]""", cts.Token);
        Assert.Equal("Accepted", authorize[2].GetProperty("idTokenInfo").GetProperty("status").GetString());

        // Schema validation as a real CSMS: a BootNotification without its required reason is a CALLERROR.
        var invalid = await CallAsync(client, """[2,"m3","BootNotification",{"chargingStation":{"model":"M","vendorName":"V"}}]""", cts.Token);
        Assert.Equal(4, invalid[0].GetInt32());

        var text = narration.ToString();
        Assert.Contains("csms: CS 1 connected over ocpp2.0.1", text, StringComparison.Ordinal);
        Assert.Matches(@"ocpp: CS 1 → CSMS\s+BootNotification\s+\{""reason"":""PowerUp""", text);
        Assert.Matches(@"ocpp: CSMS → CS 1\s+BootNotification answer", text);
        Assert.Contains("csms: token 04A1B2C3 (ISO14443) authorized: Accepted", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommonSubprotocol_HandshakeCompletesWithoutOne_ThenCloses()
    {
        await using var csms = DevelopmentCsms.Start(null, TimeProvider.System, NullLoggerFactory.Instance);
        using var client = new ClientWebSocket();
        client.Options.AddSubProtocol("ocpp1.6");
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await client.ConnectAsync(new Uri(csms.Endpoint + "/CS1"), cts.Token);
            var result = await client.ReceiveAsync(new byte[256], cts.Token);
            Assert.Equal(WebSocketMessageType.Close, result.MessageType);
            Assert.Equal(WebSocketCloseStatus.ProtocolError, client.CloseStatus);
        }
        catch (WebSocketException)
        {
            // Also valid per RFC 6455: the client refuses a handshake without the subprotocol it asked for.
        }

        Assert.Equal(0, csms.ConnectedStations);
    }

    [Fact]
    public async Task NotAnUpgrade_Gets400_AndTheCsmsKeepsServing()
    {
        await using var csms = DevelopmentCsms.Start(null, TimeProvider.System, NullLoggerFactory.Instance);
        using (var raw = new TcpClient())
        {
            await raw.ConnectAsync(csms.Endpoint.Host, csms.Endpoint.Port);
            var stream = raw.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /ocpp/CS1 HTTP/1.1\r\nHost: x\r\n\r\n"));
            using var reader = new StreamReader(stream);
            Assert.StartsWith("HTTP/1.1 400", await reader.ReadLineAsync());
        }

        using var client = new ClientWebSocket();
        client.Options.AddSubProtocol("ocpp2.1");
        using var cts = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(new Uri(csms.Endpoint + "/CS2"), cts.Token);
        Assert.Equal("ocpp2.1", client.SubProtocol);
    }

    private static async Task<JsonElement> CallAsync(ClientWebSocket client, string frame, CancellationToken cancellationToken)
    {
        await client.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
        var buffer = new byte[16 * 1024];
        var total = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await client.ReceiveAsync(new ArraySegment<byte>(buffer, total, buffer.Length - total), cancellationToken);
            total += result.Count;
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(buffer.AsMemory(0, total)).RootElement.Clone();
    }
}
