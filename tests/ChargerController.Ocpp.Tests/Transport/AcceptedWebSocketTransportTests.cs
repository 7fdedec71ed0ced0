using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Tests.Engine.TestModel;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Logging;

namespace ChargerController.Ocpp.Tests.Transport;

/// <summary>The engine on both ends of a real TCP WebSocket, each side wrapped in an AcceptedWebSocketTransport.</summary>
public sealed class AcceptedWebSocketTransportTests
{
    [Fact]
    public async Task EngineOnBothEnds_RealSocket_CallsBothWaysThenCleanClose()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var accepted = await listener.AcceptTcpClientAsync();
        listener.Stop();

        var serverSocket = WebSocket.CreateFromStream(accepted.GetStream(), new WebSocketCreationOptions { IsServer = true, SubProtocol = "ocpp2.1" });
        var clientSocket = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false, SubProtocol = "ocpp2.1" });
        var csmsTransport = new AcceptedWebSocketTransport(serverSocket, OcppVersion.V21, 4096, TimeProvider.System, new ListLogger());
        var stationTransport = new AcceptedWebSocketTransport(clientSocket, OcppVersion.V21, 4096, TimeProvider.System, new ListLogger());

        var csmsHandlers = new HandlerRegistry(TestJsonContext.Default.Options);
        csmsHandlers.Register(new BootHandler());
        var stationHandlers = new HandlerRegistry(TestJsonContext.Default.Options);
        await using var csms = new OcppConnection(csmsTransport, csmsHandlers, new OcppConnectionOptions(), TimeProvider.System, new ListLogger());
        await using var station = new OcppConnection(stationTransport, stationHandlers, new OcppConnectionOptions { IsKnownAction = TestActions.IsKnown }, TimeProvider.System, new ListLogger());
        var csmsStates = new List<bool>();
        csms.StateChanged += (_, e) => csmsStates.Add(e.IsConnected);
        await csms.StartAsync(CancellationToken.None);
        await station.StartAsync(CancellationToken.None);
        await station.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TransportEvents.Wait);
        await csms.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TransportEvents.Wait);

        var boot = await station.CallAsync<BootNotificationRequest, BootNotificationResponse>(new BootNotificationRequest("PowerUp", new ChargingStationType("m", "v")), CancellationToken.None).WaitAsync(TransportEvents.Wait);
        Assert.Equal("Accepted", boot.Status);

        // The station has no Reset handler but knows the action: NotSupported, across the real socket.
        var error = await Assert.ThrowsAsync<Ocpp.Rpc.OcppCallErrorException>(() => csms.CallAsync<ResetRequest, ResetResponse>(new ResetRequest("Immediate"), CancellationToken.None).WaitAsync(TransportEvents.Wait));
        Assert.Equal(Ocpp.Rpc.RpcErrorCode.NotSupported, error.ErrorCode);

        await station.StopAsync(CancellationToken.None);
        await csmsTransport.Completion.WaitAsync(TransportEvents.Wait);
        for (var i = 0; i < 200 && csms.IsConnected; i++)
        {
            await Task.Delay(5);
        }

        Assert.False(csms.IsConnected);
        Assert.Equal([true, false], csmsStates);
    }

    private sealed class BootHandler : IOcppRequestHandler<BootNotificationRequest, BootNotificationResponse>
    {
        public ValueTask<BootNotificationResponse> HandleAsync(BootNotificationRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new BootNotificationResponse(DateTimeOffset.UnixEpoch, 300, "Accepted"));
    }
}
