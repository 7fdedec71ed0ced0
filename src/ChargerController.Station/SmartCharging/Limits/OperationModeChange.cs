using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>The operationMode of the profile period governing a transaction changed (K01.FR.110).</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="TransactionId">The transaction running there.</param>
/// <param name="Mode">The new mode.</param>
public sealed record OperationModeChange(int EvseId, string TransactionId, OperationModeEnumType Mode);
