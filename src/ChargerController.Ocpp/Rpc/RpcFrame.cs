using System.Text.Json;

namespace ChargerController.Ocpp.Rpc;

/// <summary>
/// One well-formed OCPP-J message (Part 4 §4.2). The payload stays raw JSON: the Rpc layer knows no message types.
/// </summary>
public sealed class RpcFrame
{
    private RpcFrame(RpcMessageType messageType, string messageId)
    {
        MessageType = messageType;
        MessageId = messageId;
    }

    /// <summary>Gets the message type number.</summary>
    public RpcMessageType MessageType { get; }

    /// <summary>Gets the message id (at most 36 characters on the wire, Part 4 §4.1.4).</summary>
    public string MessageId { get; }

    /// <summary>Gets the action of a CALL or SEND (e.g. <c>BootNotification</c>); <see langword="null"/> otherwise.</summary>
    public string? Action { get; private init; }

    /// <summary>Gets the payload object of a CALL, CALLRESULT or SEND; <c>default</c> for errors.</summary>
    public JsonElement Payload { get; private init; }

    /// <summary>Gets the error code string of a CALLERROR or CALLRESULTERROR exactly as received.</summary>
    public string? ErrorCodeText { get; private init; }

    /// <summary>Gets the error code parsed from <see cref="ErrorCodeText"/>; <see cref="RpcErrorCode.GenericError"/> when the peer sent an unknown code.</summary>
    public RpcErrorCode ErrorCode { get; private init; }

    /// <summary>Gets the error description of a CALLERROR or CALLRESULTERROR (may be empty).</summary>
    public string? ErrorDescription { get; private init; }

    /// <summary>Gets the error details object of a CALLERROR or CALLRESULTERROR; <c>default</c> when absent.</summary>
    public JsonElement ErrorDetails { get; private init; }

    /// <summary>Creates a CALL or SEND frame.</summary>
    /// <param name="messageType"><see cref="RpcMessageType.Call"/> or <see cref="RpcMessageType.Send"/>.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="action">The action name.</param>
    /// <param name="payload">The payload object.</param>
    /// <returns>The frame.</returns>
    public static RpcFrame Request(RpcMessageType messageType, string messageId, string action, JsonElement payload) =>
        new(messageType, messageId) { Action = action, Payload = payload };

    /// <summary>Creates a CALLRESULT frame.</summary>
    /// <param name="messageId">The id of the CALL being answered.</param>
    /// <param name="payload">The payload object.</param>
    /// <returns>The frame.</returns>
    public static RpcFrame CallResult(string messageId, JsonElement payload) =>
        new(RpcMessageType.CallResult, messageId) { Payload = payload };

    /// <summary>Creates a CALLERROR or CALLRESULTERROR frame.</summary>
    /// <param name="messageType"><see cref="RpcMessageType.CallError"/> or <see cref="RpcMessageType.CallResultError"/>.</param>
    /// <param name="messageId">The id of the message being answered.</param>
    /// <param name="errorCodeText">The error code as on the wire.</param>
    /// <param name="description">The error description.</param>
    /// <param name="details">The error details object, or <c>default</c>.</param>
    /// <returns>The frame.</returns>
    public static RpcFrame Error(RpcMessageType messageType, string messageId, string errorCodeText, string description, JsonElement details) =>
        new(messageType, messageId)
        {
            ErrorCodeText = errorCodeText,
            ErrorCode = ParseErrorCode(errorCodeText),
            ErrorDescription = description,
            ErrorDetails = details,
        };

    // Exact wire names only: Enum.TryParse would also take "3" or "NotImplemented,NotSupported".
    private static RpcErrorCode ParseErrorCode(string text)
    {
        foreach (var code in Enum.GetValues<RpcErrorCode>())
        {
            if (string.Equals(RpcFrameWriter.ErrorCodeText(code), text, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return RpcErrorCode.GenericError;
    }
}
