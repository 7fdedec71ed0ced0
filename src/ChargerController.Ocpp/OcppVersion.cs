namespace ChargerController.Ocpp;

/// <summary>The OCPP-J protocol versions this station speaks, in the order it prefers them.</summary>
public enum OcppVersion
{
    /// <summary>OCPP 2.0.1, WebSocket subprotocol <c>ocpp2.0.1</c>.</summary>
    V201,

    /// <summary>OCPP 2.1, WebSocket subprotocol <c>ocpp2.1</c>.</summary>
    V21,
}
