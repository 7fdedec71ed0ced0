namespace ChargerController.Station.Tariffs;

/// <summary>The tariff and cost state of a running transaction, kept so a restart continues the calculation.</summary>
/// <param name="TransactionId">The transaction.</param>
/// <param name="EvseId">Its EVSE.</param>
/// <param name="TariffJson">The tariff in force (TariffType JSON), or null under central cost.</param>
/// <param name="Kind">DefaultTariff or DriverTariff.</param>
/// <param name="IdToken">The idToken the driver tariff belongs to, if any.</param>
/// <param name="SnapshotJson">The <see cref="CostSnapshot"/> JSON, or null before the first sample.</param>
public sealed record StoredTransactionTariff(string TransactionId, int EvseId, string? TariffJson, string Kind, string? IdToken, string? SnapshotJson);
