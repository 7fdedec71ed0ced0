namespace ChargerController.Station.Tariffs;

/// <summary>The cost of a transaction as the station knows it now.</summary>
/// <param name="TransactionId">The transaction.</param>
/// <param name="EvseId">Its EVSE.</param>
/// <param name="Total">The total including tax where taxes apply (after min/max cost).</param>
/// <param name="ExclTax">The total excluding tax, when known (local calculation).</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Final">Whether the transaction has ended.</param>
/// <param name="Local">Whether the station calculated it (else the CSMS reported it: CostUpdated / totalCost).</param>
/// <param name="TariffId">The tariff used, for a local calculation.</param>
public sealed record TransactionCost(string TransactionId, int EvseId, decimal Total, decimal? ExclTax, string Currency, bool Final, bool Local, string? TariffId);
