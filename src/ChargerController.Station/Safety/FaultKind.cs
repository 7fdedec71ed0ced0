namespace ChargerController.Station.Safety;

/// <summary>
/// Every fault the EVSE loop detects. Each drives the safe state (<see cref="FaultCatalog"/>) and is reported so the
/// OCPP side can set the connector Faulted and send NotifyEvent / SecurityEvent; the OCPP 1.6 <c>errorCode</c> each
/// corresponds to (REFERENCE.md §6.4) is named per member so the mapping stays greppable.
/// </summary>
public enum FaultKind
{
    /// <summary>The EV diode check failed on the negative CP plateau (1.6 errorCode EVCommunicationError).</summary>
    DiodeFailure = 0,

    /// <summary>CP reads 0 V: CP shorted to PE or generator without power, state E (EVCommunicationError).</summary>
    CpShortCircuit,

    /// <summary>CP stayed outside every window (or in a gap) longer than the debounce limit (OtherError).</summary>
    CpOutOfRange,

    /// <summary>−12 V measured while the generator does not drive state F: faulty CP line or generator (OtherError).</summary>
    UnexpectedStateF,

    /// <summary>The EV asks for ventilation (state D) and the site has none configured (OtherError).</summary>
    VentilationNotAvailable,

    /// <summary>The CP port threw: the pilot cannot be sampled or driven (OtherError).</summary>
    PilotFailure,

    /// <summary>Commanded open, the mirror contact still reports closed: welded main contact (PowerSwitchFailure).</summary>
    ContactorWelded,

    /// <summary>Commanded closed, the mirror contact still reports open: contactor did not close (PowerSwitchFailure).</summary>
    ContactorDidNotClose,

    /// <summary>The contactor port threw while switching or reading back (PowerSwitchFailure).</summary>
    ContactorPortFailure,

    /// <summary>The residual-current monitor signalled a fault current (GroundFailure).</summary>
    RcdTripped,

    /// <summary>The residual-current monitor failed its self-test or cannot be read (GroundFailure).</summary>
    RcdSelfTestFailed,

    /// <summary>The energy meter could not be read for longer than the configured grace (PowerMeterFailure).</summary>
    MeterFailure,

    /// <summary>The EV drew more than the offered current plus tolerance for longer than allowed (OverCurrentFailure).</summary>
    Overcurrent,

    /// <summary>The connector lock did not engage or lost its position during the session (ConnectorLockFailure).</summary>
    ConnectorLockFailure,

    /// <summary>Proximity pilot open, shorted or unreadable while an EV is connected (OtherError).</summary>
    ProximityPilotInvalid,

    /// <summary>The control loop did not run within the supervision window (OtherError; the supervisor forced the safe state).</summary>
    LoopStalled,

    /// <summary>An unexpected exception in the control loop itself (InternalError).</summary>
    ControllerFailure,
}
