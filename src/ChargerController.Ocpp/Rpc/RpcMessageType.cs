namespace ChargerController.Ocpp.Rpc;

/// <summary>The message type numbers of OCPP-J (Part 4 §4.1.3, Table 3).</summary>
public enum RpcMessageType
{
    /// <summary>Request: <c>[2, id, action, payload]</c>.</summary>
    Call = 2,

    /// <summary>Response to a CALL: <c>[3, id, payload]</c>.</summary>
    CallResult = 3,

    /// <summary>Error response to a CALL: <c>[4, id, code, description, details]</c>.</summary>
    CallError = 4,

    /// <summary>(2.1) Error response to a CALLRESULT that could not be processed: <c>[5, id, code, description, details]</c>.</summary>
    CallResultError = 5,

    /// <summary>(2.1) Unconfirmed message: <c>[6, id, action, payload]</c>; never answered.</summary>
    Send = 6,
}
