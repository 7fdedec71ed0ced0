using ChargerController.Ocpp.Enums;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>Source-generated log messages of the log upload (event ids 2500-2519). Never logs URL credentials.</summary>
internal static partial class LogUploadLog
{
    [LoggerMessage(EventId = 2500, Level = LogLevel.Information, Message = "GetLog {RequestId}: {LogType} to {Host} as {FileName}")]
    public static partial void Started(ILogger logger, int requestId, LogEnumType logType, string host, string fileName);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "GetLog {RequestId}: uploaded {Bytes} bytes")]
    public static partial void Uploaded(ILogger logger, int requestId, int bytes);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "GetLog {RequestId}: attempt {Attempt} failed ({Status}): {Reason}")]
    public static partial void AttemptFailed(ILogger logger, int requestId, int attempt, UploadLogStatusEnumType status, string reason);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "GetLog {RequestId}: canceled by a newer request")]
    public static partial void Canceled(ILogger logger, int requestId);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "GetLog {RequestId}: LogStatusNotification {Status} could not be sent")]
    public static partial void NotificationFailed(ILogger logger, int requestId, UploadLogStatusEnumType status, Exception exception);

    [LoggerMessage(EventId = 2505, Level = LogLevel.Warning, Message = "GetLog {RequestId}: the log could not be assembled")]
    public static partial void CollectFailed(ILogger logger, int requestId, Exception exception);

    [LoggerMessage(EventId = 2507, Level = LogLevel.Warning, Message = "The security log could not be written")]
    public static partial void SecurityLogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2506, Level = LogLevel.Information, Message = "GetLog {RequestId}: refused: {Reason}")]
    public static partial void Refused(ILogger logger, int requestId, string reason);
}
