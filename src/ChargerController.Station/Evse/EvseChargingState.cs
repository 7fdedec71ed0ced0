namespace ChargerController.Station.Evse;

/// <summary>Charging state as OCPP 2.x ChargingStateEnumType names it (TransactionEvent <c>chargingState</c>).</summary>
public enum EvseChargingState
{
    /// <summary>No EV connected.</summary>
    Idle = 0,

    /// <summary>EV connected, no authorized session.</summary>
    EVConnected,

    /// <summary>Contactor closed, energy offered, the EV requests it.</summary>
    Charging,

    /// <summary>Energy offered, the EV does not take it (EV in B with PWM running).</summary>
    SuspendedEV,

    /// <summary>Authorized session, but the EVSE does not offer energy (limit below 6 A, unavailable, fault, phase switch, interlock pending).</summary>
    SuspendedEVSE,
}
