using System.Net.WebSockets;

namespace ChargerController.Ocpp.Transport;

/// <summary>Reading whole text messages with a size limit (shared with <see cref="AcceptedWebSocketTransport"/>).</summary>
public sealed partial class WebSocketOcppTransport
{
    private Task<string> ReceiveUntilClosedAsync(WebSocket socket, CancellationToken stop) =>
        WebSocketMessagePump.RunAsync(socket, _options.MaxFrameBytes, _events.Writer, _timeProvider, _logger, stop);
}
