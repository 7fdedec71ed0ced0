namespace ChargerController.Simulator.Ev;

/// <summary>Ready-made EVs for scenarios (each call returns a fresh options record; <c>with</c> tweaks one).</summary>
public static class SimulatedEvProfiles
{
    /// <summary>A typical 11 kW car: three phases, 16 A, follows the PWM within 1 s, 32 A cable.</summary>
    public static SimulatedEvOptions ThreePhase11Kw => new() { MaxCurrentA = 16, Phases = 3, ResponseDelay = TimeSpan.FromSeconds(1), CableRatingA = 32 };

    /// <summary>A 22 kW car: three phases, 32 A.</summary>
    public static SimulatedEvOptions ThreePhase22Kw => new() { MaxCurrentA = 32, Phases = 3, ResponseDelay = TimeSpan.FromSeconds(1), CableRatingA = 32 };

    /// <summary>A single-phase 7.4 kW car on a 32 A cable.</summary>
    public static SimulatedEvOptions SinglePhase32A => new() { MaxCurrentA = 32, Phases = 1, ResponseDelay = TimeSpan.FromSeconds(1), CableRatingA = 32 };

    /// <summary>A slow plug-in hybrid: one phase, 16 A, a 13 A cable, and the full 5 s IEC 61851-1 allows to follow the PWM.</summary>
    public static SimulatedEvOptions SlowHybrid => new() { MaxCurrentA = 16, Phases = 1, ResponseDelay = TimeSpan.FromSeconds(5), CableRatingA = 13 };
}
