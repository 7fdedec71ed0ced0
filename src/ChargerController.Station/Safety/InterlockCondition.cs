namespace ChargerController.Station.Safety;

/// <summary>
/// The conditions that must ALL hold before <see cref="PowerPathInterlock"/> closes the contactor (house rule 15,
/// REFERENCE.md §1.5/§6.4). As flags, so a refusal names every condition that was missing.
/// </summary>
[Flags]
public enum InterlockCondition
{
    /// <summary>No condition missing.</summary>
    None = 0,

    /// <summary>
    /// The EV asks for energy: debounced state C, or D where ventilation is configured, and the latest samples have not
    /// withdrawn the request; to close, the latest sample must agree and the request must have settled.
    /// </summary>
    EvRequestsEnergy = 1 << 0,

    /// <summary>The pilot generator runs PWM (X2): energy is being offered (C1/D1 must never be energised).</summary>
    PwmRunning = 1 << 1,

    /// <summary>A session is authorized.</summary>
    SessionAuthorized = 1 << 2,

    /// <summary>The EVSE is available (not set Unavailable by the CSMS or operator).</summary>
    EvseAvailable = 1 << 3,

    /// <summary>No fault is active.</summary>
    NoActiveFault = 1 << 4,

    /// <summary>The residual-current monitor is not tripped, passed its last self-test and is not testing now.</summary>
    RcdHealthy = 1 << 5,

    /// <summary>The connector lock is confirmed locked (always true without a lock).</summary>
    ConnectorLocked = 1 << 6,

    /// <summary>An EV diode check passed since the plug-in (Tinkerforge: never close before one passed).</summary>
    DiodeCheckPassed = 1 << 7,

    /// <summary>The cable rating is known (PP decoded for a socket, configured for a tethered cable).</summary>
    CableRatingKnown = 1 << 8,

    /// <summary>At least the minimum current (6 A) is offered.</summary>
    CurrentOffered = 1 << 9,

    /// <summary>
    /// Conditions whose loss lets a closed contactor stay closed while the EV, still in C, ramps down — bounded by the
    /// soft-stop timeout (IEC 61851-1:2017 Table A.6 seq. 10.2: open no later than 6 s after PWM is removed).
    /// </summary>
    SoftStop = PwmRunning | SessionAuthorized | EvseAvailable | CurrentOffered,
}
