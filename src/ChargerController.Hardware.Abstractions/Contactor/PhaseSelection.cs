namespace ChargerController.Hardware.Abstractions.Contactor;

/// <summary>Which contactors to close (phase switching with two contactors: K1 = L1 + N, K2 = L2 + L3).</summary>
public enum PhaseSelection
{
    /// <summary>Every wired phase: K1, and K2 when fitted. The only choice without phase switching.</summary>
    AllPhases = 0,

    /// <summary>Only K1 (L1 + N): single-phase charging. Needs <see cref="IContactor.SupportsPhaseSwitching"/>.</summary>
    SinglePhase,
}
