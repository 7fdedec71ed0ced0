using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Station.Evse.Iec61851;

/// <summary>What <see cref="CpStateMachine.Update"/> concluded from one sample.</summary>
/// <param name="State">Debounced state (<see cref="CpState.Invalid"/> until the first state is established, or after the CP stayed invalid).</param>
/// <param name="Previous">The debounced state before this sample (equal to <paramref name="State"/> unless <see cref="Changed"/>).</param>
/// <param name="Sampled">The raw classification of this sample (<see cref="CpState.F"/> while the EVSE drives F itself).</param>
/// <param name="PwmRunning">Whether the generator oscillated during the sample.</param>
/// <param name="EvseDrivesStateF">Whether the EVSE itself drove −12 V, hiding the EV: <paramref name="State"/> is then the last state seen before.</param>
/// <param name="DiodeFault">Whether the diode check failed for longer than the debounce since the last state A.</param>
/// <param name="DiodeCheckPassed">Whether a diode check passed since the last state A.</param>
/// <param name="DiodeFailingNow">Whether the latest sample failed the diode check (not yet debounced into <paramref name="DiodeFault"/>).</param>
/// <param name="EnergyRequestWithdrawn">
/// The fast, undebounced opening signal: the latest samples (two in a row when <see cref="CpStateMachineOptions.ConfirmWithdrawal"/>)
/// no longer request energy — CP outside C/D (B, A, E, F, out of range) or the diode check failing — or the EVSE drives F
/// and hides the EV. <paramref name="State"/> keeps its debounce; this one does not, because opening is the safe direction.
/// </param>
/// <param name="WithdrawalUnconfirmed">The latest sample withdraws the request but awaits its confirming sample (take it now).</param>
/// <param name="EnergyRequestSettled">
/// Whether every sample for at least <see cref="CpStateMachineOptions.EnergyRequestDebounce"/> requested energy (C/D, diode
/// not failing): closing requires it, so a glitch that opened the contactor cannot re-close it before the debounce.
/// </param>
public readonly record struct CpObservation(
    CpState State,
    CpState Previous,
    CpState Sampled,
    bool PwmRunning,
    bool EvseDrivesStateF,
    bool DiodeFault,
    bool DiodeCheckPassed,
    bool DiodeFailingNow,
    bool EnergyRequestWithdrawn,
    bool WithdrawalUnconfirmed,
    bool EnergyRequestSettled)
{
    /// <summary>Whether the debounced state changed with this sample.</summary>
    public bool Changed => State != Previous;

    /// <summary>Whether an EV is connected (debounced B, C or D).</summary>
    public bool EvConnected => State is CpState.B or CpState.C or CpState.D;

    /// <summary>Whether the CP reads −12 V although the EVSE does not drive state F (faulty line or generator).</summary>
    public bool UnexpectedStateF => State == CpState.F && !EvseDrivesStateF;

    /// <summary>The state with its X1/X2 sub-state.</summary>
    public PilotState PilotState => (State, PwmRunning) switch
    {
        (CpState.A, _) => PilotState.A,
        (CpState.B, false) => PilotState.B1,
        (CpState.B, true) => PilotState.B2,
        (CpState.C, false) => PilotState.C1,
        (CpState.C, true) => PilotState.C2,
        (CpState.D, false) => PilotState.D1,
        (CpState.D, true) => PilotState.D2,
        (CpState.E, _) => PilotState.E,
        (CpState.F, _) => PilotState.F,
        _ => PilotState.Unknown,
    };
}
