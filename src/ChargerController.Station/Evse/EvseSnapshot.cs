using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Safety;

namespace ChargerController.Station.Evse;

/// <summary>An immutable view of one EVSE, published by the loop for other threads (status, CLI, OCPP).</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="PilotState">Debounced pilot state with sub-state.</param>
/// <param name="ConnectorStatus">Connector status.</param>
/// <param name="ChargingState">Charging state.</param>
/// <param name="OfferedCurrentA">Current the PWM announces, amperes (0 without PWM).</param>
/// <param name="DutyCyclePercent">Generator duty, percent (100 = X1, 0 = F).</param>
/// <param name="ContactorClosed">Whether the contactor is commanded closed.</param>
/// <param name="Phases">The phase selection used for the next (or current) close.</param>
/// <param name="SessionAuthorized">Whether a session is authorized.</param>
/// <param name="Available">Whether the EVSE is available.</param>
/// <param name="Faults">Active faults.</param>
public sealed record EvseSnapshot(
    int EvseId,
    PilotState PilotState,
    ConnectorStatus ConnectorStatus,
    EvseChargingState ChargingState,
    double OfferedCurrentA,
    double DutyCyclePercent,
    bool ContactorClosed,
    PhaseSelection Phases,
    bool SessionAuthorized,
    bool Available,
    IReadOnlyList<Fault> Faults)
{
    /// <summary>
    /// Gets the current rating of the connected cable, amperes: the proximity pilot's reading, or the configured tethered
    /// cable; <see langword="null"/> when unknown (no cable, PP not read yet, tethered rating not configured).
    /// </summary>
    public double? CableMaxCurrentA { get; init; }
}
