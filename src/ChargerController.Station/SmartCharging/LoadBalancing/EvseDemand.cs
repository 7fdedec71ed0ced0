namespace ChargerController.Station.SmartCharging.LoadBalancing;

/// <summary>How much an EVSE asks of the shared budget.</summary>
public enum EvseDemand
{
    /// <summary>No EV or no session: gets only what is left over (so a new EV never starts above the budget).</summary>
    Idle = 0,

    /// <summary>The EV paused itself (SuspendedEV): keeps the minimum so it can resume, no more.</summary>
    Suspended,

    /// <summary>Charging or about to: gets a fair share up to its own limit.</summary>
    Charging,
}
