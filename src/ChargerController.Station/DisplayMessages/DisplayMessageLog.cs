using ChargerController.Ocpp.Enums;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.DisplayMessages;

/// <summary>Source-generated log messages of the display message block (event ids 2950-2969).</summary>
internal static partial class DisplayMessageLog
{
    [LoggerMessage(EventId = 2950, Level = LogLevel.Information, Message = "SetDisplayMessage {Id} ({Priority}) answered {Status}")]
    public static partial void SetAnswered(ILogger logger, int id, MessagePriorityEnumType priority, DisplayMessageStatusEnumType status);

    [LoggerMessage(EventId = 2951, Level = LogLevel.Information, Message = "{Count} display message(s) removed: {Reason}")]
    public static partial void Removed(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 2952, Level = LogLevel.Information, Message = "Display now shows message {Id}")]
    public static partial void Showing(ILogger logger, int id);

    [LoggerMessage(EventId = 2953, Level = LogLevel.Information, Message = "Display shows no CSMS message")]
    public static partial void ShowingNone(ILogger logger);

    [LoggerMessage(EventId = 2954, Level = LogLevel.Error, Message = "Display message store failed; answering Rejected")]
    public static partial void StoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2955, Level = LogLevel.Warning, Message = "A display sink failed")]
    public static partial void SinkFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2956, Level = LogLevel.Warning, Message = "NotifyDisplayMessages for request {RequestId} failed")]
    public static partial void NotifyFailed(ILogger logger, int requestId, Exception exception);
}
