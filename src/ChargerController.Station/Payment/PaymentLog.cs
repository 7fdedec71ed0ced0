using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Payment;

/// <summary>Source-generated log messages of the ad hoc payment block (event ids 3300-3329).</summary>
internal static partial class PaymentLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Payment {PspRef} approved by the terminal (EVSE {EvseId})")]
    public static partial void Approved(ILogger logger, string pspRef, int? evseId);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Payment card {Kind} at the terminal: {Reason}; nobody is authorized")]
    public static partial void NotApproved(ILogger logger, string kind, string? reason);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Payment {PspRef} not used: {Reason}; the reservation is released")]
    public static partial void Refused(ILogger logger, string pspRef, string reason);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Payment {PspRef} cancelled{Transaction}")]
    public static partial void Cancelled(ILogger logger, string pspRef, string transaction);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "Payment {PspRef} of transaction {TransactionId}: {Status} for {Amount}")]
    public static partial void Settled(ILogger logger, string pspRef, string transactionId, string status, decimal amount);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Information, Message = "Payment {PspRef}: authorization raised to {Amount}")]
    public static partial void Increased(ILogger logger, string pspRef, decimal amount);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning, Message = "Payment {PspRef}: the terminal did not raise the authorization; energy stops at {Amount}")]
    public static partial void IncreaseRefused(ILogger logger, string pspRef, decimal amount);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Warning, Message = "Payment terminal failed in {Operation}")]
    public static partial void TerminalFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Warning, Message = "{Action} to the CSMS failed")]
    public static partial void CsmsCallFailed(ILogger logger, string action, Exception exception);

    [LoggerMessage(EventId = 3309, Level = LogLevel.Warning, Message = "WebPaymentsCtrlr cannot make a QR code: {Reason}")]
    public static partial void QrCodeUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Information, Message = "Web payment started on EVSE {EvseId}; local start held for {Timeout} s")]
    public static partial void WebPaymentStarted(ILogger logger, int evseId, int timeout);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Warning, Message = "A payment display failed")]
    public static partial void DisplayFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3312, Level = LogLevel.Error, Message = "Payment block work item {What} failed")]
    public static partial void WorkFailed(ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 3313, Level = LogLevel.Information, Message = "VAT number validation: {Status}")]
    public static partial void VatValidated(ILogger logger, string status);

    [LoggerMessage(EventId = 3314, Level = LogLevel.Warning, Message = "Payment store failed in {Operation}")]
    public static partial void StoreFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 3315, Level = LogLevel.Information, Message = "Payment {PspRef} restored after a restart: {What}")]
    public static partial void Restored(ILogger logger, string pspRef, string what);

    [LoggerMessage(EventId = 3316, Level = LogLevel.Information, Message = "Card ignored on EVSE {EvseId}: a web payment is in progress there")]
    public static partial void LocalStartHeld(ILogger logger, int evseId);
}
