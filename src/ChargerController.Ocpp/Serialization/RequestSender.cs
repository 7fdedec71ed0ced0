namespace ChargerController.Ocpp.Serialization;

/// <summary>Which side sends the request (CALL or SEND) of an action; the other side answers.</summary>
public enum RequestSender
{
    /// <summary>The Charging Station initiates (BootNotification, TransactionEvent …).</summary>
    ChargingStation,

    /// <summary>The CSMS initiates; the station must handle and answer (Reset, SetVariables …).</summary>
    Csms,

    /// <summary>Either side may initiate (DataTransfer).</summary>
    Both,
}
