namespace ChargerController.Ocpp.Rpc;

/// <summary>Outcome of reading one received text frame.</summary>
public enum RpcReadStatus
{
    /// <summary>A well-formed message of a known type.</summary>
    Frame,

    /// <summary>A message type number outside Table 3: OCPP 2.1 says ignore it (Part 4 §4.1.3, §4.4).</summary>
    UnknownMessageType,

    /// <summary>Not a valid OCPP-J message; see the error code and whatever type/id could be salvaged.</summary>
    Malformed,
}
