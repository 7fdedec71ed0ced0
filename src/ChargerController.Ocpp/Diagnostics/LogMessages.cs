using ChargerController.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargerController.Ocpp.Diagnostics;

/// <summary>
/// Every log line of the OCPP library (house rule 9): source-generated, structured, stable event ids.
/// 1xxx = engine (RPC), 2xxx = transport. Payloads and credentials are never logged.
/// </summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "OCPP frame out {MessageType} {MessageId} {Action} ({Bytes} bytes)")]
    public static partial void FrameSent(this ILogger logger, RpcMessageType messageType, string messageId, string? action, int bytes);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "OCPP frame in {MessageType} {MessageId} {Action} ({Bytes} bytes)")]
    public static partial void FrameReceived(this ILogger logger, RpcMessageType messageType, string messageId, string? action, int bytes);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Malformed OCPP frame (type {MessageTypeNumber}, id {MessageId}): {ErrorCode} {Description}")]
    public static partial void MalformedFrame(this ILogger logger, int? messageTypeNumber, string? messageId, RpcErrorCode errorCode, string? description);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Ignored message of unknown type {MessageTypeNumber} (id {MessageId})")]
    public static partial void UnknownMessageTypeIgnored(this ILogger logger, int? messageTypeNumber, string? messageId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Dropped {MessageType} for unknown message id {MessageId}")]
    public static partial void ReplyToUnknownId(this ILogger logger, RpcMessageType messageType, string messageId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "CALL {Action} {MessageId} timed out after {Timeout}")]
    public static partial void CallTimedOut(this ILogger logger, string action, string messageId, TimeSpan timeout);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "CALL {Action} {MessageId} answered with CALLERROR {ErrorCode}: {Description}")]
    public static partial void CallErrorReceived(this ILogger logger, string action, string messageId, string? errorCode, string? description);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "CALLRESULT {MessageId} for {Action} rejected: {ErrorCode} at {Path}: {Description}")]
    public static partial void ResponseRejected(this ILogger logger, string action, string messageId, RpcErrorCode errorCode, string path, string description);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Peer could not process our CALLRESULT {MessageId}: {ErrorCode} {Description}")]
    public static partial void CallResultErrorReceived(this ILogger logger, string messageId, string? errorCode, string? description);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "CALL {Action} {MessageId} refused with {ErrorCode}: {Description}")]
    public static partial void CallRefused(this ILogger logger, string action, string messageId, RpcErrorCode errorCode, string description);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Handler for {Action} {MessageId} failed; answered InternalError")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string action, string messageId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "After-response step of {Action} {MessageId} failed")]
    public static partial void AfterResponseFailed(this ILogger logger, Exception exception, string action, string messageId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "Our own {Kind} payload for {Action} violates its schema: {ErrorCode} at {Path}: {Description}")]
    public static partial void OutboundInvalid(this ILogger logger, string kind, string action, RpcErrorCode errorCode, string path, string description);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "OCPP connection {State} (version {Version}, reason {Reason})")]
    public static partial void ConnectionStateChanged(this ILogger logger, string state, OcppVersion? version, string? reason);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Could not send {MessageType} {MessageId}: connection lost")]
    public static partial void SendFailed(this ILogger logger, RpcMessageType messageType, string messageId);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "Dropped SEND {Action} {MessageId}: no handler")]
    public static partial void SendDropped(this ILogger logger, string action, string messageId);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Error, Message = "Handler for SEND {Action} {MessageId} failed")]
    public static partial void SendHandlerFailed(this ILogger logger, Exception exception, string action, string messageId);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Error, Message = "A connection state subscriber threw")]
    public static partial void StateSubscriberFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Warning, Message = "Queued {Action} {MessageId} dropped after {Attempts} failed attempts")]
    public static partial void QueuedMessageDropped(this ILogger logger, string action, string messageId, int attempts);

    [LoggerMessage(EventId = 1019, Level = LogLevel.Information, Message = "Queued {Action} {MessageId} failed attempt {Attempts}; next not before {NotBefore}")]
    public static partial void QueuedMessageRetry(this ILogger logger, string action, string messageId, int attempts, DateTimeOffset notBefore);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Error, Message = "Unexpected failure processing a transport event; the connection carries on")]
    public static partial void ReceiveLoopFault(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Connecting to {Endpoint} as {StationId} (security profile {SecurityProfile})")]
    public static partial void Connecting(this ILogger logger, Uri endpoint, string stationId, int securityProfile);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Connected with subprotocol {Subprotocol}")]
    public static partial void Connected(this ILogger logger, string subprotocol);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Connection attempt failed: {Reason}")]
    public static partial void ConnectFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Reconnecting in {Delay} (attempt {Attempt})")]
    public static partial void ReconnectScheduled(this ILogger logger, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "CSMS accepted none of the offered subprotocols ({Offered}); closing (Part 4 §3.3)")]
    public static partial void NoSubprotocol(this ILogger logger, string offered);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "CSMS server certificate rejected ({Subject}): {Reason}")]
    public static partial void ServerCertificateRejected(this ILogger logger, string? subject, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Dropped a binary WebSocket message ({Bytes} bytes): OCPP-J uses text frames")]
    public static partial void BinaryFrameDropped(this ILogger logger, int bytes);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Discarded a frame larger than {Limit} bytes")]
    public static partial void FrameTooLarge(this ILogger logger, int limit);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Connection closed: {Reason}")]
    public static partial void Disconnected(this ILogger logger, string reason);
}
