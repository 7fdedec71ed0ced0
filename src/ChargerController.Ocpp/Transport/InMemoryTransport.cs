using System.Threading.Channels;

namespace ChargerController.Ocpp.Transport;

/// <summary>One end of an <see cref="InMemoryTransportPair"/>: frames sent here arrive at the other end.</summary>
public sealed class InMemoryTransport : IOcppTransport
{
    private readonly Channel<TransportEvent> _events = Channel.CreateUnbounded<TransportEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly InMemoryTransportPair _pair;
    private volatile bool _stopped;

    internal InMemoryTransport(InMemoryTransportPair pair)
    {
        _pair = pair;
    }

    /// <inheritdoc/>
    public bool IsConnected => _pair.IsConnected && !_stopped;

    /// <summary>Gets the frames this end sent, in order (for assertions).</summary>
    public IReadOnlyList<byte[]> SentFrames
    {
        get
        {
            lock (Sent)
            {
                return Sent.ToArray();
            }
        }
    }

    internal InMemoryTransport? Peer { get; set; }

    private List<byte[]> Sent { get; } = [];

    /// <inheritdoc/>
    public ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc/>
    public async ValueTask<TransportEvent> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return TransportEvent.Stopped();
        }
    }

    /// <inheritdoc/>
    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsConnected || Peer is null)
        {
            throw new OcppConnectionLostException();
        }

        var copy = utf8Frame.ToArray();
        lock (Sent)
        {
            Sent.Add(copy);
        }

        Peer.Deliver(copy, _pair.MaxFrameBytes);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopped)
        {
            _stopped = true;
            _events.Writer.TryWrite(TransportEvent.Stopped());
            _events.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    internal void Post(TransportEvent transportEvent) => _events.Writer.TryWrite(transportEvent);

    private void Deliver(byte[] frame, int maxFrameBytes)
    {
        Post(frame.Length > maxFrameBytes ? TransportEvent.Oversized(frame.AsMemory(0, Math.Min(frame.Length, 1024))) : TransportEvent.Frame(frame));
    }
}
