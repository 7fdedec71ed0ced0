using System.Text.Json.Serialization;

namespace ChargerController.Station.Tariffs;

/// <summary>Source-generated JSON for the tariff block's own persisted records (tariffs themselves use OcppJsonContext).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CostSnapshot))]
public sealed partial class TariffJsonContext : JsonSerializerContext
{
}
