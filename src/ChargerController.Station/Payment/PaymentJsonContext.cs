using System.Text.Json.Serialization;

namespace ChargerController.Station.Payment;

/// <summary>Source-generated JSON for the payment block's persisted records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredPayment))]
public sealed partial class PaymentJsonContext : JsonSerializerContext
{
}
