using ChargerController.Hardware.Abstractions.Contactor;

namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>Smart charging wants an EVSE to charge on another number of phases (the EVSE switches with its dwell, never under load).</summary>
/// <param name="EvseId">EVSE.</param>
/// <param name="Phases">The selection.</param>
public sealed record PhaseSwitchRequest(int EvseId, PhaseSelection Phases);
