using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ChargerController.Ocpp.Transport;

namespace ChargerController.Simulator.Csms;

/// <summary>
/// Wraps the CSMS side of one connection and writes every OCPP-J frame, both ways, as one readable line: who sent it,
/// the action (answers are matched to their CALL by message id) and the payload, cut to a line's length. This is the
/// "OCPP traffic" of the demo; the frames themselves pass through untouched.
/// </summary>
internal sealed class NarratedTransport : IOcppTransport
{
    private readonly IOcppTransport inner;
    private readonly Action<string> narrate;
    private readonly string stationId;
    private readonly int maxPayloadChars;
    private readonly ConcurrentDictionary<string, string> actions = new(StringComparer.Ordinal);

    public NarratedTransport(IOcppTransport inner, string stationId, Action<string> narrate, int maxPayloadChars)
    {
        this.inner = inner;
        this.stationId = stationId;
        this.narrate = narrate;
        this.maxPayloadChars = maxPayloadChars;
    }

    public bool IsConnected => inner.IsConnected;

    public ValueTask StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public async ValueTask<TransportEvent> ReceiveAsync(CancellationToken cancellationToken)
    {
        var received = await inner.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (received.Kind == TransportEventKind.Frame)
        {
            Narrate($"{stationId} → CSMS", received.Data.Span);
        }

        return received;
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken cancellationToken)
    {
        Narrate($"CSMS → {stationId}", utf8Frame.Span);
        await inner.SendAsync(utf8Frame, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Narrate(string direction, ReadOnlySpan<byte> frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame.ToArray());
            var root = document.RootElement;
            var type = root[0].GetInt32();
            var id = root[1].GetString() ?? string.Empty;
            string label;
            JsonElement payload;
            switch (type)
            {
                case 2 or 6:
                    label = root[2].GetString() ?? "?";
                    actions[id] = label;
                    payload = root[3];
                    break;
                case 3:
                    label = (actions.TryRemove(id, out var answered) ? answered : "?") + " answer";
                    payload = root[2];
                    break;
                default:
                    label = (actions.TryRemove(id, out var failed) ? failed : "?") + " ERROR " + root[2].GetString();
                    payload = root.GetArrayLength() > 3 ? root[3] : default;
                    break;
            }

            narrate($"ocpp: {direction,-22} {label,-28} {Cut(payload.ValueKind == JsonValueKind.Undefined ? string.Empty : payload.GetRawText())}");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            narrate($"ocpp: {direction,-22} (not an OCPP-J frame) {Cut(Encoding.UTF8.GetString(frame))}");
        }
    }

    private string Cut(string text) => text.Length <= maxPayloadChars ? text : string.Concat(text.AsSpan(0, maxPayloadChars), "…");
}
