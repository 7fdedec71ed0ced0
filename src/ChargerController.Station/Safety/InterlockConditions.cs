using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Station.Safety;

/// <summary>The facts the control loop gathered this step, from which <see cref="PowerPathInterlock"/> decides.</summary>
/// <param name="EvState">Debounced CP state (what is reported; slow on purpose).</param>
/// <param name="SampledState">The latest raw CP classification (closing requires it to agree with <paramref name="EvState"/>).</param>
/// <param name="VentilationAvailable">Whether the site has ventilation, so state D may be energised.</param>
/// <param name="PwmRunning">Whether the pilot port reports PWM running.</param>
/// <param name="SessionAuthorized">Whether a session is authorized.</param>
/// <param name="EvseAvailable">Whether the EVSE is available.</param>
/// <param name="NoActiveFault">Whether no fault is active.</param>
/// <param name="RcdHealthy">Whether the residual-current monitor is healthy and not under test.</param>
/// <param name="ConnectorLocked">Whether the lock is confirmed (true without a lock).</param>
/// <param name="DiodeCheckPassed">Whether a diode check passed since plug-in.</param>
/// <param name="SampledDiodeOk">Whether the latest sample did not fail the diode check (closing requires it; holding relies on the debounced fault).</param>
/// <param name="CableRatingKnown">Whether the cable rating is known.</param>
/// <param name="CurrentOffered">Whether at least 6 A are offered.</param>
/// <param name="EvStoppedDrawing">Whether the meter shows the EV no longer draws current (ends a soft stop early).</param>
/// <param name="EnergyRequestWithdrawn">
/// The fast signal: the latest (confirmed) CP sample no longer requests energy or shows danger (CP outside C/D, diode
/// failing, EVSE driving F). A closed contactor opens on it at once, before <paramref name="EvState"/> has debounced.
/// </param>
/// <param name="EnergyRequestSettled">Whether the raw samples have requested energy without a break for the energy-request debounce (closing requires it).</param>
public readonly record struct InterlockConditions(
    CpState EvState,
    CpState SampledState,
    bool VentilationAvailable,
    bool PwmRunning,
    bool SessionAuthorized,
    bool EvseAvailable,
    bool NoActiveFault,
    bool RcdHealthy,
    bool ConnectorLocked,
    bool DiodeCheckPassed,
    bool SampledDiodeOk,
    bool CableRatingKnown,
    bool CurrentOffered,
    bool EvStoppedDrawing,
    bool EnergyRequestWithdrawn,
    bool EnergyRequestSettled)
{
    /// <summary>The conditions that do not hold.</summary>
    /// <param name="forClosing">
    /// Closing also requires the latest raw sample to agree with the debounced state and the request to have settled;
    /// holding instead requires that the samples have not withdrawn the request (the fast path: opening is the safe
    /// direction, so it does not wait for the debounce — REFERENCE.md §1.2, §1.5, §6.4).
    /// </param>
    /// <returns>The missing conditions; <see cref="InterlockCondition.None"/> when all hold.</returns>
    public InterlockCondition Unmet(bool forClosing)
    {
        var unmet = InterlockCondition.None;
        if (!RequestsEnergy(EvState) || (forClosing && (SampledState != EvState || !EnergyRequestSettled)))
        {
            unmet |= InterlockCondition.EvRequestsEnergy;
        }

        if (EnergyRequestWithdrawn)
        {
            // Name the cause: the CP level left C/D, or (the level still in C/D) the latest diode check failed.
            unmet |= (SampledState is CpState.C or CpState.D) && !SampledDiodeOk ? InterlockCondition.DiodeCheckPassed : InterlockCondition.EvRequestsEnergy;
        }

        unmet |= PwmRunning ? 0 : InterlockCondition.PwmRunning;
        unmet |= SessionAuthorized ? 0 : InterlockCondition.SessionAuthorized;
        unmet |= EvseAvailable ? 0 : InterlockCondition.EvseAvailable;
        unmet |= NoActiveFault ? 0 : InterlockCondition.NoActiveFault;
        unmet |= RcdHealthy ? 0 : InterlockCondition.RcdHealthy;
        unmet |= ConnectorLocked ? 0 : InterlockCondition.ConnectorLocked;
        unmet |= DiodeCheckPassed && (SampledDiodeOk || !forClosing) ? 0 : InterlockCondition.DiodeCheckPassed;
        unmet |= CableRatingKnown ? 0 : InterlockCondition.CableRatingKnown;
        unmet |= CurrentOffered ? 0 : InterlockCondition.CurrentOffered;
        return unmet;
    }

    // IEC 61851-1: D means "ventilation required"; without ventilation it must not be energised (REFERENCE.md §1.6).
    private bool RequestsEnergy(CpState state) => state == CpState.C || (state == CpState.D && VentilationAvailable);
}
