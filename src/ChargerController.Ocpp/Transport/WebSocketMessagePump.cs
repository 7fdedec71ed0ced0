using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using ChargerController.Ocpp.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChargerController.Ocpp.Transport;

/// <summary>
/// Reads whole text messages from an open WebSocket into transport events, with a size limit: an oversized message
/// is drained without being stored and reported by its first bytes (type and id live there).
/// </summary>
internal static class WebSocketMessagePump
{
    private const int OversizedPrefixBytes = 1024;

    /// <summary>Pumps until the socket closes or <paramref name="stop"/> fires.</summary>
    /// <returns>Why the connection ended (no secrets).</returns>
    public static async Task<string> RunAsync(WebSocket socket, int maxFrameBytes, ChannelWriter<TransportEvent> events, TimeProvider timeProvider, ILogger logger, CancellationToken stop)
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
                    await AnswerCloseAsync(socket, timeProvider).ConfigureAwait(false);
                    return "closed by peer: " + socket.CloseStatus + " " + socket.CloseStatusDescription;
                }

                if (!oversized)
                {
                    message.Advance(result.Count);
                    if (message.WrittenCount > maxFrameBytes)
                    {
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
                    logger.BinaryFrameDropped(message.WrittenCount);
                }
                else if (oversized)
                {
                    logger.FrameTooLarge(maxFrameBytes);
                    events.TryWrite(TransportEvent.Oversized(message.WrittenSpan.ToArray()));
                }
                else
                {
                    events.TryWrite(TransportEvent.Frame(message.WrittenSpan.ToArray()));
                }

                message.ResetWrittenCount();
                oversized = false;
            }
        }
        catch (OperationCanceledException)
        {
            // ManagedWebSocket reports an Abort() (ours while closing, or a close handshake that timed out) as an
            // OperationCanceledException even when our own token was not cancelled: both end the pump, neither is a crash.
            return stop.IsCancellationRequested ? "stopped" : "connection aborted";
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            return "connection lost: " + ex.Message;
        }
    }

    /// <summary>Sends one text frame; every network failure becomes <see cref="OcppConnectionLostException"/>.</summary>
    public static async ValueTask SendAsync(WebSocket? socket, SemaphoreSlim sendLock, ReadOnlyMemory<byte> utf8Frame, CancellationToken cancellationToken)
    {
        if (socket is not { State: WebSocketState.Open })
        {
            throw new OcppConnectionLostException();
        }

        // A WebSocket allows one send at a time; CALLs, answers and SENDs come from different loops.
        try
        {
            await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException ex)
        {
            throw new OcppConnectionLostException("The transport is disposed.", ex);
        }

        try
        {
            await socket.SendAsync(utf8Frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            throw new OcppConnectionLostException("The connection broke while sending.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A socket aborted under a running send (the connection was lost meanwhile) reports the send as cancelled.
            // That is a lost connection, not the caller's cancellation: escaping as such it ended the connection's send
            // loop, and nothing (not even a Heartbeat) went out on the next connection.
            throw new OcppConnectionLostException("The connection was aborted while sending.", ex);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Starts or answers the close handshake, never waiting more than 2 s.</summary>
    public static async Task AnswerCloseAsync(WebSocket socket, TimeProvider timeProvider, string description = "")
    {
        // RFC 6455 §5.5.1: echo the close so the peer sees a clean shutdown.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), timeProvider);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, description, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The abort that follows ends it anyway.
        }
    }
}
