namespace ChargerController.Control.Wire;

/// <summary>Live state of one EVSE in <see cref="StationStatus"/>.</summary>
/// <param name="Id">OCPP EVSE id (1-based).</param>
/// <param name="ConnectorStatus">OCPP ConnectorStatusEnumType value: Available, Occupied, Reserved, Unavailable, Faulted.</param>
/// <param name="PilotState">IEC 61851 CP state: A, B1, B2, C1, C2, D1, D2, E, F.</param>
/// <param name="ContactorClosed">Whether the contactor is closed (commanded and, where fitted, confirmed by feedback).</param>
/// <param name="OfferedCurrentA">Current advertised on the pilot, amperes (0 when PWM is off).</param>
/// <param name="MeasuredCurrentA">Highest phase current measured by the meter, amperes.</param>
/// <param name="TransactionId">OCPP transactionId of the running transaction, if any.</param>
/// <param name="EnergyWh">Energy delivered in the running transaction (or the meter register when idle), watt-hours.</param>
/// <param name="Fault">Active fault name, if any.</param>
/// <param name="Cost">Running cost of the transaction (OCPP block I), null when unknown; added later, so optional.</param>
public sealed record EvseStatus(
    int Id,
    string ConnectorStatus,
    string PilotState,
    bool ContactorClosed,
    double OfferedCurrentA,
    double MeasuredCurrentA,
    string? TransactionId,
    double EnergyWh,
    string? Fault,
    CostStatus? Cost = null);
