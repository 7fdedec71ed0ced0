namespace ChargerController.Hardware.Abstractions.ControlPilot;

/// <summary>What the CP generator drives onto the pilot line.</summary>
public enum CpGeneratorMode
{
    /// <summary>Steady −12 V (duty 0 %): state F, "EVSE not available". The safe state every driver starts in.</summary>
    StateF = 0,

    /// <summary>Steady +12 V (duty 100 %, "X1"): no energy offered.</summary>
    SteadyHigh,

    /// <summary>1 kHz ±12 V PWM ("X2"): the duty cycle announces the offered current.</summary>
    Pwm,
}
