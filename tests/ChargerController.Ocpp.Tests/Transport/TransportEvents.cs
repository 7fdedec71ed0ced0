using ChargerController.Ocpp.Transport;

namespace ChargerController.Ocpp.Tests.Transport;

/// <summary>Helpers to await transport events and state changes with a real-time safety limit.</summary>
internal static class TransportEvents
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static async Task<TransportEvent> NextAsync(IOcppTransport transport, TransportEventKind kind)
    {
        using var cts = new CancellationTokenSource(Wait);
        while (true)
        {
            var e = await transport.ReceiveAsync(cts.Token);
            if (e.Kind == kind)
            {
                return e;
            }
        }
    }

    /// <summary>Collects state changes into a channel-like queue to await them one by one.</summary>
    public static StateRecorder Record(WebSocketOcppTransport transport) => new(transport);

    internal sealed class StateRecorder
    {
        private readonly System.Threading.Channels.Channel<WebSocketTransportStateChangedEventArgs> _states =
            System.Threading.Channels.Channel.CreateUnbounded<WebSocketTransportStateChangedEventArgs>();

        public StateRecorder(WebSocketOcppTransport transport)
        {
            transport.StateChanged += (_, e) => _states.Writer.TryWrite(e);
        }

        public async Task<WebSocketTransportStateChangedEventArgs> NextAsync(WebSocketTransportState state)
        {
            using var cts = new CancellationTokenSource(Wait);
            while (true)
            {
                var e = await _states.Reader.ReadAsync(cts.Token);
                if (e.State == state)
                {
                    return e;
                }
            }
        }
    }
}
