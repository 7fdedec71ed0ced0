using Microsoft.Extensions.Logging;

namespace ChargerController.Storage.Queue;

/// <summary>Log events of the persistent outbound queue (event ids 41xx).</summary>
internal static partial class QueueLogMessages
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Outbound queue opened: {Count} messages ({TransactionalCount} transaction-related, {Bytes} bytes) waiting from before the restart")]
    public static partial void QueueOpened(this ILogger logger, int count, int transactionalCount, long bytes);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Outbound queue over {HighWaterBytes} bytes: dropped {Dropped} intermediate periodic TransactionEvent Updated messages ({Freed} bytes) (E12.FR.05)")]
    public static partial void QueueThinned(this ILogger logger, long highWaterBytes, int dropped, long freed);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Outbound queue full ({Bytes} of {MaxBytes} bytes, only transaction-related messages left): refused {Action}")]
    public static partial void QueueRefused(this ILogger logger, long bytes, long maxBytes, string action);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Outbound queue over its budget ({Bytes} of {MaxBytes} bytes) with transaction-related messages; {Action} {MessageId} kept anyway (billing data)")]
    public static partial void QueueOverBudget(this ILogger logger, long bytes, long maxBytes, string action, string messageId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Outbound {Action} {MessageId} discarded ({Reason}) after {FailedAttempts} failed attempts; kept in the discard log")]
    public static partial void QueueDiscarded(this ILogger logger, string action, string messageId, string reason, int failedAttempts);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Outbound queue: dropped {Count} non-transactional messages ({Reason})")]
    public static partial void QueueDroppedNonTransactional(this ILogger logger, int count, string reason);
}
