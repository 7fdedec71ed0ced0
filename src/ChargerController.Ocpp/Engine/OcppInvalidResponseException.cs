using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Engine;

/// <summary>
/// The peer answered our CALL with a CALLRESULT we could not process; a CALLRESULTERROR carrying
/// <see cref="ErrorCode"/> was sent back (OCPP 2.1, Part 4 §4.2.3).
/// </summary>
public sealed class OcppInvalidResponseException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="OcppInvalidResponseException"/> class.</summary>
    public OcppInvalidResponseException()
        : this(RpcErrorCode.FormatViolation, "The CALLRESULT could not be processed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OcppInvalidResponseException"/> class.</summary>
    /// <param name="message">The message.</param>
    public OcppInvalidResponseException(string message)
        : this(RpcErrorCode.FormatViolation, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OcppInvalidResponseException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OcppInvalidResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = RpcErrorCode.FormatViolation;
    }

    /// <summary>Initializes a new instance of the <see cref="OcppInvalidResponseException"/> class.</summary>
    /// <param name="errorCode">The code sent in the CALLRESULTERROR.</param>
    /// <param name="message">What was wrong.</param>
    public OcppInvalidResponseException(RpcErrorCode errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    /// <summary>Gets the code sent back in the CALLRESULTERROR.</summary>
    public RpcErrorCode ErrorCode { get; }
}
