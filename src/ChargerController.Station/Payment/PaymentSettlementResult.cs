using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Payment;

/// <summary>The outcome of settling a payment at the terminal (C21/C22).</summary>
/// <param name="Status"><c>Settled</c>, <c>Rejected</c> (by the PSP) or <c>Failed</c> (technical).</param>
/// <param name="ReceiptId">The receipt id from the PSP (C21.FR.04), if any.</param>
/// <param name="ReceiptUrl">The URL of the receipt from the PSP (C21.FR.04), if any.</param>
/// <param name="StatusInfo">Extra error information for Rejected/Failed (NotifySettlement statusInfo, at most 500 characters).</param>
public sealed record PaymentSettlementResult(PaymentStatusEnumType Status, string? ReceiptId = null, string? ReceiptUrl = null, string? StatusInfo = null);
