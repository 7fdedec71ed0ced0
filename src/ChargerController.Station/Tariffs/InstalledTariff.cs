using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Tariffs;

/// <summary>A default tariff on one EVSE.</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="Sequence">Installation order.</param>
/// <param name="Tariff">The tariff.</param>
public sealed record InstalledTariff(int EvseId, long Sequence, TariffType Tariff);
