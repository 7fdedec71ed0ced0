namespace ChargerController.Ocpp.Rpc;

/// <summary>The result of <see cref="RpcFrameReader.Read"/>: a frame, an ignorable unknown type, or a diagnosis of a malformed frame.</summary>
public sealed class RpcReadResult
{
    private RpcReadResult(RpcReadStatus status)
    {
        Status = status;
    }

    /// <summary>Gets the outcome.</summary>
    public RpcReadStatus Status { get; }

    /// <summary>Gets the frame when <see cref="Status"/> is <see cref="RpcReadStatus.Frame"/>.</summary>
    public RpcFrame? Frame { get; private init; }

    /// <summary>Gets the message type number, when it could be read.</summary>
    public int? MessageTypeNumber { get; private init; }

    /// <summary>Gets the message id, when it could be read (used to address the CALLERROR; otherwise "-1", Part 4 §4.2.3).</summary>
    public string? MessageId { get; private init; }

    /// <summary>Gets the action of a CALL/SEND, when it could be read.</summary>
    public string? Action { get; private init; }

    /// <summary>Gets the error code the answer should carry when <see cref="Status"/> is <see cref="RpcReadStatus.Malformed"/>.</summary>
    public RpcErrorCode ErrorCode { get; private init; }

    /// <summary>Gets a short description of what is wrong (never contains the frame content).</summary>
    public string? ErrorDescription { get; private init; }

    internal static RpcReadResult Ok(RpcFrame frame) =>
        new(RpcReadStatus.Frame) { Frame = frame, MessageTypeNumber = (int)frame.MessageType, MessageId = frame.MessageId, Action = frame.Action };

    internal static RpcReadResult Unknown(int typeNumber, string? messageId) =>
        new(RpcReadStatus.UnknownMessageType) { MessageTypeNumber = typeNumber, MessageId = messageId };

    internal static RpcReadResult Bad(RpcErrorCode code, string description, int? typeNumber, string? messageId, string? action) =>
        new(RpcReadStatus.Malformed) { ErrorCode = code, ErrorDescription = description, MessageTypeNumber = typeNumber, MessageId = messageId, Action = action };
}
