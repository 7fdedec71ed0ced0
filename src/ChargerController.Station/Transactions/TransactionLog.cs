using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Transactions;

/// <summary>Log messages of the transaction block (event ids 2200-2299).</summary>
internal static partial class TransactionLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "EVSE {EvseId}: transaction {TransactionId} {EventType} seqNo {SeqNo} ({TriggerReason})")]
    public static partial void EventQueued(ILogger logger, int evseId, string transactionId, string eventType, int seqNo, string triggerReason);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Transaction work item failed: {What}")]
    public static partial void WorkFailed(ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "EVSE {EvseId}: meter unreadable, event goes without meter values")]
    public static partial void MeterUnavailable(ILogger logger, int evseId, Exception exception);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Transaction {TransactionId}: journaled event seqNo {SeqNo} queued again after restart")]
    public static partial void PendingRequeued(ILogger logger, string transactionId, int seqNo);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "EVSE {EvseId}: transaction {TransactionId} open at start-up: {Decision}")]
    public static partial void OpenAtStartup(ILogger logger, int evseId, string transactionId, string decision);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Transaction {TransactionId}: CSMS answered idTokenInfo {Status}")]
    public static partial void IdTokenNotAccepted(ILogger logger, string transactionId, string status);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Error, Message = "Transaction {TransactionId}: event seqNo {SeqNo} could not be queued; it stays journaled and is queued at the next start")]
    public static partial void EnqueueFailed(ILogger logger, string transactionId, int seqNo, Exception exception);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Information, Message = "EVSE {EvseId}: transaction {TransactionId} reached its limit ({Trigger})")]
    public static partial void LimitReached(ILogger logger, int evseId, string transactionId, string trigger);
}
