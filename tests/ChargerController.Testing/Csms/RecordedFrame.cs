using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChargerController.Testing.Csms;

/// <summary>One WebSocket message as it crossed the wire.</summary>
/// <param name="Direction">Direction.</param>
/// <param name="At">When (from the CSMS clock).</param>
/// <param name="Bytes">Exact bytes.</param>
/// <param name="MessageType">Text or binary.</param>
public sealed record RecordedFrame(FrameDirection Direction, DateTimeOffset At, byte[] Bytes, WebSocketMessageType MessageType)
{
    /// <summary>Gets the bytes decoded as UTF-8 (invalid sequences replaced).</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>Gets the frame parsed as JSON, or null when it is not valid JSON.</summary>
    public JsonElement? Json
    {
        get
        {
            try
            {
                return JsonDocument.Parse(Bytes).RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Gets the message type number ([0]) when readable.</summary>
    public int? MessageTypeNumber => Json is { ValueKind: JsonValueKind.Array } j && j.GetArrayLength() > 0 && j[0].TryGetInt32(out var t) ? t : null;

    /// <summary>Gets the message id ([1]) when readable.</summary>
    public string? MessageId => Json is { ValueKind: JsonValueKind.Array } j && j.GetArrayLength() > 1 && j[1].ValueKind == JsonValueKind.String ? j[1].GetString() : null;

    /// <summary>Gets the action ([2]) of a CALL or SEND.</summary>
    public string? Action => MessageTypeNumber is 2 or 6 && Json is { } j && j.GetArrayLength() > 2 && j[2].ValueKind == JsonValueKind.String ? j[2].GetString() : null;
}
