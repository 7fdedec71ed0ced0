using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChargerController.Station.Payment;

/// <summary>Reads OCPP payloads the payment block only observes; a payload it cannot read is ignored, never thrown.</summary>
internal static class PaymentWire
{
    public static T? Read<T>(ReadOnlyMemory<byte> json, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json.Span, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static T? Read<T>(JsonElement json, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return json.Deserialize(type);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
