using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Payment;

/// <summary>The outcome of a VAT number validation (C18.FR.08-10).</summary>
/// <param name="Status">Accepted, Rejected, or Unavailable when the CSMS could not be asked or its answer was unusable.</param>
/// <param name="Company">The company the CSMS returned for an accepted number, if any.</param>
public sealed record VatNumberValidationResult(VatNumberValidationStatus Status, AddressType? Company);
