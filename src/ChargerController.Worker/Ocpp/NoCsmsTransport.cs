using System.Threading.Channels;
using ChargerController.Ocpp.Transport;

namespace ChargerController.Worker.Ocpp;

/// <summary>
/// The transport of a station with no CSMS configured: it never connects. The station then behaves exactly as one
/// whose CSMS is unreachable (status and transactions are queued, the device model works, chargerctl shows
/// <c>connected: false</c>) instead of needing a second composition without OCPP.
/// </summary>
internal sealed class NoCsmsTransport : IOcppTransport
{
    private readonly Channel<TransportEvent> events = Channel.CreateUnbounded<TransportEvent>();

    public bool IsConnected => false;

    public ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask<TransportEvent> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return TransportEvent.Stopped();
        }
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken cancellationToken) =>
        throw new OcppConnectionLostException("No CSMS is configured (Chargerd:CsmsUrl).");

    public ValueTask StopAsync(CancellationToken cancellationToken)
    {
        events.Writer.TryWrite(TransportEvent.Stopped());
        events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);
}
