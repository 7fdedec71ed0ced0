using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Tariffs;

/// <summary>A driver-specific tariff from an AuthorizeResponse (I08), "in use" until its transaction ends (I08.FR.07).</summary>
/// <param name="IdToken">The token.</param>
/// <param name="Tariff">The tariff, or null when the CSMS calculates the cost (HandleFailedTariff=CentralCost).</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record DriverTariff(string IdToken, TariffType? Tariff, DateTimeOffset ReceivedAt);
