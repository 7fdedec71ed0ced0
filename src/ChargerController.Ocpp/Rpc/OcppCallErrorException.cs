namespace ChargerController.Ocpp.Rpc;

/// <summary>
/// A CALLERROR, either received (the peer refused our CALL) or to be sent (a handler refuses a CALL with a specific
/// RPC error code, e.g. <see cref="RpcErrorCode.SecurityError"/> while the boot was rejected, B03.FR.08).
/// </summary>
public sealed class OcppCallErrorException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="OcppCallErrorException"/> class.</summary>
    public OcppCallErrorException()
        : this(RpcErrorCode.GenericError, string.Empty)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OcppCallErrorException"/> class.</summary>
    /// <param name="message">The error description.</param>
    public OcppCallErrorException(string message)
        : this(RpcErrorCode.GenericError, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OcppCallErrorException"/> class.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause.</param>
    public OcppCallErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = RpcErrorCode.GenericError;
        ErrorDetailsJson = "{}";
    }

    /// <summary>Initializes a new instance of the <see cref="OcppCallErrorException"/> class.</summary>
    /// <param name="errorCode">The RPC error code.</param>
    /// <param name="errorDescription">The description (at most 255 characters are sent).</param>
    /// <param name="errorDetailsJson">The errorDetails object as JSON text.</param>
    public OcppCallErrorException(RpcErrorCode errorCode, string errorDescription, string errorDetailsJson = "{}")
        : base(errorDescription)
    {
        ErrorCode = errorCode;
        ErrorDetailsJson = errorDetailsJson;
    }

    /// <summary>Gets the RPC error code.</summary>
    public RpcErrorCode ErrorCode { get; }

    /// <summary>Gets the errorDetails object as JSON text (<c>{}</c> when none).</summary>
    public string ErrorDetailsJson { get; }
}
