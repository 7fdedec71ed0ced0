using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Station.SmartCharging.Composite;

namespace ChargerController.Station.SmartCharging.LoadBalancing;

/// <summary>
/// Decides 1-phase or 3-phase charging for an EVSE with the second contactor. Per-phase (A) limits do not improve by
/// dropping phases, power (W) limits do: 4 kW is 5.8 A on three phases (pause) but 17.4 A on one. A profile period
/// with numberPhases 1 forces single phase (K01.FR.43). Going back to three phases needs the minimum plus a hysteresis.
/// </summary>
public static class PhaseSwitchPolicy
{
    /// <summary>The extra amperes three phases must offer before switching back, so the EVSE does not flap.</summary>
    public const double HysteresisA = 1.0;

    /// <summary>Decides the phase selection.</summary>
    /// <param name="slot">The composite slot in force.</param>
    /// <param name="allocationThreeA">What the load balancer would give per phase on three phases (∞ when it does not limit).</param>
    /// <param name="allocationOneA">What the load balancer would give on one phase.</param>
    /// <param name="current">The selection now.</param>
    /// <param name="minimumA">Minimum charging current.</param>
    /// <param name="supplyPhases">Phases the EVSE is wired for.</param>
    /// <returns>The selection to request.</returns>
    public static PhaseSelection Decide(CompositeSegment slot, double allocationThreeA, double allocationOneA, PhaseSelection current, double minimumA, int supplyPhases)
    {
        if (supplyPhases < 2)
        {
            return PhaseSelection.AllPhases;
        }

        if (slot.NumberPhases == 1)
        {
            return PhaseSelection.SinglePhase;
        }

        var three = Math.Min(slot.LimitA(supplyPhases), allocationThreeA);
        var one = Math.Min(slot.LimitA(1), allocationOneA);
        return current == PhaseSelection.SinglePhase
            ? (three >= minimumA + HysteresisA ? PhaseSelection.AllPhases : PhaseSelection.SinglePhase)
            : (three < minimumA && one >= minimumA ? PhaseSelection.SinglePhase : PhaseSelection.AllPhases);
    }
}
