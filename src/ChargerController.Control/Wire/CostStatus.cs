namespace ChargerController.Control.Wire;

/// <summary>The cost of an EVSE's running transaction (OCPP block I) in <see cref="EvseStatus"/>.</summary>
/// <param name="Amount">The running total, including tax where the tariff has taxes.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="Source"><c>Local</c> (calculated by the station from its tariff) or <c>Csms</c> (reported by the CSMS).</param>
/// <param name="TariffId">The tariff used, for a local calculation.</param>
public sealed record CostStatus(decimal Amount, string Currency, string Source, string? TariffId);
