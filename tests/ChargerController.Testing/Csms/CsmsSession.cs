using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChargerController.Testing.Csms;

/// <summary>One accepted station connection of the <see cref="LoopbackCsms"/>.</summary>
public sealed class CsmsSession
{
    private readonly LoopbackCsms _csms;
    private readonly WebSocket _socket;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<RecordedFrame> _frames = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    internal CsmsSession(LoopbackCsms csms, WebSocket socket, string stationId, string? subprotocol, TimeProvider time)
    {
        _csms = csms;
        _socket = socket;
        StationId = stationId;
        Subprotocol = subprotocol;
        _time = time;
    }

    /// <summary>Gets the station id from the URL.</summary>
    public string StationId { get; }

    /// <summary>Gets the negotiated subprotocol.</summary>
    public string? Subprotocol { get; }

    /// <summary>Gets every frame of this session, both directions, in order.</summary>
    public IReadOnlyList<RecordedFrame> Frames => _frames.ToArray();

    /// <summary>Gets the frames the station sent.</summary>
    public IReadOnlyList<RecordedFrame> FromStation => _frames.Where(f => f.Direction == FrameDirection.FromStation).ToArray();

    /// <summary>Gets a task that completes when the connection is gone.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Gets the close status the station sent, if it closed gracefully.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <summary>Sends a CALL and waits for the station's reply frame (CALLRESULT or CALLERROR, the whole array).</summary>
    /// <param name="action">Action.</param>
    /// <param name="payloadJson">Payload JSON object.</param>
    /// <param name="timeout">Real-time limit; default 10 s.</param>
    /// <returns>The reply frame.</returns>
    public async Task<JsonElement> CallAsync(string action, string payloadJson, TimeSpan? timeout = null)
    {
        var id = "csms-" + Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        await SendTextAsync($"[2,{JsonSerializer.Serialize(id)},{JsonSerializer.Serialize(action)},{payloadJson}]");
        return await tcs.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }

    /// <summary>Sends any text as one text message (may be garbage).</summary>
    /// <param name="text">The text.</param>
    /// <returns>A task.</returns>
    public Task SendTextAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends raw bytes as one message, without any validation (invalid UTF-8 included).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="type">Text (default) or binary.</param>
    /// <returns>A task.</returns>
    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        await _sendLock.WaitAsync();
        try
        {
            Append(new RecordedFrame(FrameDirection.ToStation, _time.GetUtcNow(), bytes, type));
            await _socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Waits for a frame from the station matching <paramref name="predicate"/> (already received or future).</summary>
    /// <param name="predicate">The condition.</param>
    /// <param name="timeout">Real-time limit; default 10 s.</param>
    /// <returns>The first matching frame.</returns>
    public async Task<RecordedFrame> WaitForFrameAsync(Func<RecordedFrame, bool> predicate, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        using var cts = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (FromStation.FirstOrDefault(predicate) is { } frame)
            {
                return frame;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching frame from the station within {limit}.");
            }
        }
    }

    /// <summary>Waits for the first CALL (or SEND) of <paramref name="action"/> from the station.</summary>
    /// <param name="action">Action.</param>
    /// <param name="timeout">Real-time limit.</param>
    /// <returns>The frame.</returns>
    public Task<RecordedFrame> WaitForCallAsync(string action, TimeSpan? timeout = null) =>
        WaitForFrameAsync(f => f.Action == action, timeout);

    /// <summary>Waits for the station's answer (type 3, 4 or 5) to <paramref name="messageId"/>.</summary>
    /// <param name="messageId">The id.</param>
    /// <param name="timeout">Real-time limit.</param>
    /// <returns>The frame.</returns>
    public Task<RecordedFrame> WaitForAnswerAsync(string messageId, TimeSpan? timeout = null) =>
        WaitForFrameAsync(f => f.MessageTypeNumber is 3 or 4 or 5 && f.MessageId == messageId, timeout);

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>Closes gracefully.</summary>
    /// <param name="status">Close status.</param>
    /// <param name="description">Close reason.</param>
    /// <returns>A task.</returns>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string description = "bye")
    {
        try
        {
            await _socket.CloseOutputAsync(status, description, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
    }

    internal async Task RunAsync(CancellationToken aborted)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = _socket.CloseStatus;
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
                    return;
                }

                buffer.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var frame = new RecordedFrame(FrameDirection.FromStation, _time.GetUtcNow(), buffer.WrittenSpan.ToArray(), result.MessageType);
                buffer.ResetWrittenCount();
                Append(frame);
                await ReactAsync(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Station went away.
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("The station disconnected."));
            }

            _closed.TrySetResult();
        }
    }

    private async Task ReactAsync(RecordedFrame frame)
    {
        if (frame.Json is not { ValueKind: JsonValueKind.Array } json || frame.MessageId is not { } id)
        {
            return;
        }

        switch (frame.MessageTypeNumber)
        {
            case 2:
                var action = frame.Action ?? string.Empty;
                var payload = json.GetArrayLength() > 3 ? json[3] : default;
                var script = _csms.ScriptFor(action);
                var reply = script is null
                    ? $"[4,{JsonSerializer.Serialize(id)},\"NotImplemented\",\"not scripted in LoopbackCsms\",{{}}]"
                    : script(id, payload);
                if (reply is not null)
                {
                    await SendTextAsync(reply);
                }

                break;

            case 3 or 4:
                if (_pending.TryRemove(id, out var tcs))
                {
                    tcs.TrySetResult(json);
                }

                break;
        }
    }

    private void Append(RecordedFrame frame)
    {
        _frames.Enqueue(frame);
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
