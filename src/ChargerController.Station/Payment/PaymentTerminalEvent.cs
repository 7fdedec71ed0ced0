namespace ChargerController.Station.Payment;

/// <summary>One event of the payment terminal.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="PspRef">The PSP reference of the payment (Approved, CancelRequested); used as idToken of type DirectPayment.</param>
/// <param name="EvseId">The EVSE the driver chose at the terminal, or <see langword="null"/> to let the station choose.</param>
/// <param name="Details">
/// The payment details the terminal provides, keyed by the additionalInfo type of PaymentCtrlr.PaymentDetails
/// (<c>CardBin</c>, <c>CardLast4Digits</c>, <c>PaymentBrand</c> ...); only the configured ones are sent (C18.FR.04/06).
/// </param>
/// <param name="Reason">Why a card was declined or failed, for the log.</param>
public sealed record PaymentTerminalEvent(PaymentTerminalEventKind Kind, string? PspRef, int? EvseId, IReadOnlyDictionary<string, string>? Details, string? Reason = null);
