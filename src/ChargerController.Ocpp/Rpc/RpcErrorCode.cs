namespace ChargerController.Ocpp.Rpc;

/// <summary>
/// The RPC framework error codes of OCPP-J (Part 4 §4.3, Table 9), valid in CALLERROR and CALLRESULTERROR.
/// The member names are the exact wire strings.
/// </summary>
public enum RpcErrorCode
{
    /// <summary>Payload for the action is syntactically incorrect.</summary>
    FormatViolation,

    /// <summary>Any other error not covered by the more specific codes.</summary>
    GenericError,

    /// <summary>An internal error occurred and the receiver could not process the action.</summary>
    InternalError,

    /// <summary>A message with a message type number the receiver does not support.</summary>
    MessageTypeNotSupported,

    /// <summary>The requested action is not known by the receiver.</summary>
    NotImplemented,

    /// <summary>The requested action is recognised but not supported by the receiver.</summary>
    NotSupported,

    /// <summary>Payload is syntactically correct but at least one field violates occurrence constraints.</summary>
    OccurrenceConstraintViolation,

    /// <summary>Payload is syntactically correct but at least one field contains an invalid value.</summary>
    PropertyConstraintViolation,

    /// <summary>Payload for the action is not conform the PDU structure.</summary>
    ProtocolError,

    /// <summary>Content of the call is not a valid RPC request, for example the message id could not be read.</summary>
    RpcFrameworkError,

    /// <summary>During the processing of the action a security issue occurred preventing the receiver from completing it.</summary>
    SecurityError,

    /// <summary>Payload is syntactically correct but at least one field violates data type constraints.</summary>
    TypeConstraintViolation,
}
