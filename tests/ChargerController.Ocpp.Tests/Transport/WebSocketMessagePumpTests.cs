using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using ChargerController.Ocpp.Transport;

namespace ChargerController.Ocpp.Tests.Transport;

/// <summary>Sending on a WebSocket that is aborted under the send (the connection is lost meanwhile).</summary>
public sealed class WebSocketMessagePumpTests
{
    [Fact]
    public async Task SendAsync_SocketAbortedDuringSend_ReportsConnectionLostNotCancellation()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);

        // The peer accepts but never reads: once the kernel buffers are full the send below stays pending.
        using var peer = await listener.AcceptTcpClientAsync();
        using var socket = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
        using var sendLock = new SemaphoreSlim(1, 1);
        var frame = new byte[32 * 1024 * 1024];
        var send = WebSocketMessagePump.SendAsync(socket, sendLock, frame, CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(send.IsCompleted, "the send should be blocked on the unread peer");

        socket.Abort();

        await Assert.ThrowsAsync<OcppConnectionLostException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, sendLock.CurrentCount);
    }
}
