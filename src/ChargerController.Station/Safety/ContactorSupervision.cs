namespace ChargerController.Station.Safety;

/// <summary>What the mirror-contact supervision of <see cref="PowerPathInterlock"/> found this step.</summary>
public enum ContactorSupervision
{
    /// <summary>Commands and feedback agree (or the mismatch is still within the switching time, or no feedback is wired).</summary>
    Healthy = 0,

    /// <summary>Commanded open, feedback still closed after the drop-out budget: welded main contact.</summary>
    Welded,

    /// <summary>Commanded closed, feedback still open after the pick-up budget: the interlock opened it again.</summary>
    DidNotClose,

    /// <summary>The contactor port threw; the interlock tried to open.</summary>
    PortFailure,
}
