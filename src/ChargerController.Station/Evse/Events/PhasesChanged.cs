using ChargerController.Hardware.Abstractions.Contactor;

namespace ChargerController.Station.Evse.Events;

/// <summary>
/// The EVSE switched between single- and three-phase supply (the new selection applied with the contactor open). A
/// current limit that depends on the phase count (a schedule in W, the load balancer's share) must be recomputed before
/// the EVSE offers current again.
/// </summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Phases">The selection now in use.</param>
public sealed record PhasesChanged(int EvseId, DateTimeOffset Timestamp, PhaseSelection Phases) : EvseEvent(EvseId, Timestamp);
