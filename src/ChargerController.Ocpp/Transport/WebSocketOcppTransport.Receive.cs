using System.Buffers;
using System.Net.WebSockets;
using ChargerController.Ocpp.Diagnostics;

namespace ChargerController.Ocpp.Transport;

/// <summary>Reading whole text messages with a size limit; an oversized one is drained and reported by its prefix.</summary>
public sealed partial class WebSocketOcppTransport
{
    private const int OversizedPrefixBytes = 1024;

    private async Task<string> ReceiveUntilClosedAsync(WebSocket socket, CancellationToken stop)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        var oversized = false;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(message.GetMemory(4096), stop).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync(socket).ConfigureAwait(false);
                    return "closed by CSMS: " + socket.CloseStatus + " " + socket.CloseStatusDescription;
                }

                if (!oversized)
                {
                    message.Advance(result.Count);
                    if (message.WrittenCount > _options.MaxFrameBytes)
                    {
                        // Keep only the beginning (type and id live there) and drain the rest without storing it.
                        oversized = true;
                        var prefix = message.WrittenSpan[..OversizedPrefixBytes].ToArray();
                        message.ResetWrittenCount();
                        message.Write(prefix);
                    }
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    _logger.BinaryFrameDropped(message.WrittenCount);
                }
                else if (oversized)
                {
                    _logger.FrameTooLarge(_options.MaxFrameBytes);
                    _events.Writer.TryWrite(TransportEvent.Oversized(message.WrittenSpan.ToArray()));
                }
                else
                {
                    _events.Writer.TryWrite(TransportEvent.Frame(message.WrittenSpan.ToArray()));
                }

                message.ResetWrittenCount();
                oversized = false;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return "stopped";
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            return "connection lost: " + ex.Message;
        }
    }

    private async Task AnswerCloseAsync(WebSocket socket)
    {
        // RFC 6455 §5.5.1: echo the close so the CSMS sees a clean shutdown; never wait long for it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _timeProvider);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The abort that follows ends it anyway.
        }
    }
}
