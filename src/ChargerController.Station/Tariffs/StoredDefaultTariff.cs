namespace ChargerController.Station.Tariffs;

/// <summary>A default tariff installed on one EVSE (I07.FR.13: kept in persistent memory).</summary>
/// <param name="EvseId">The EVSE (evseId 0 is stored as one row per EVSE, I07.FR.12).</param>
/// <param name="Sequence">Installation order (a later one replaces an earlier one, I07.FR.22).</param>
/// <param name="TariffJson">The TariffType as JSON.</param>
public sealed record StoredDefaultTariff(int EvseId, long Sequence, string TariffJson);
