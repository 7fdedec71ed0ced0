using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Tariffs;

/// <summary>Log messages of the tariff block.</summary>
internal static partial class TariffLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Default tariff {TariffId} on EVSE(s) {Evses}: {Status}")]
    public static partial void DefaultTariffSet(ILogger logger, string tariffId, string evses, string status);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Tariff {TariffId} cannot be used: {Reason}")]
    public static partial void TariffRefused(ILogger logger, string? tariffId, string? reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Transaction {TransactionId} uses tariff {TariffId} ({Kind})")]
    public static partial void TariffAssociated(ILogger logger, string transactionId, string tariffId, string kind);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Transaction {TransactionId} ended, cost {Total} {Currency}")]
    public static partial void FinalCost(ILogger logger, string transactionId, decimal total, string currency);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Tariff block: {What} failed")]
    public static partial void Failed(ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Transaction {TransactionId} changed to tariff {TariffId}")]
    public static partial void TariffChanged(ILogger logger, string transactionId, string tariffId);
}
