namespace ChargerController.Station.Payment;

/// <summary>
/// An integrated payment terminal (OCPP 2.1 C18-C23): the secure box with its own connection to the payment service
/// provider (PSP). Hardware makers implement this for their terminal's API and register it with
/// <c>services.AddPayment(sp =&gt; new MyTerminal(...))</c>. The station never sees card data, only the PSP reference
/// (<c>pspRef</c>) and the details the terminal reports. Every method may fail: an exception is treated as a
/// <c>Failed</c> result, never as an approval, and the contactor stays open.
/// </summary>
public interface IPaymentTerminal
{
    /// <summary>Gets what the terminal reports about itself (PaymentCtrlr terminal data).</summary>
    PaymentTerminalInfo Info { get; }

    /// <summary>
    /// Arms the terminal to reserve <paramref name="authorizationAmount"/> on the next card (C18.FR.01/02) and waits for
    /// what happens next at the terminal: a card approved, declined or failed, or the driver cancelling an approved
    /// payment (C19/C20). Called in a loop by the station while payment is enabled.
    /// </summary>
    /// <param name="authorizationAmount">PaymentCtrlr.AuthorizationAmount, in the currency of the station's tariff.</param>
    /// <param name="cancellationToken">Stops waiting (host stop, payment disabled).</param>
    /// <returns>The next terminal event.</returns>
    Task<PaymentTerminalEvent> NextEventAsync(decimal authorizationAmount, CancellationToken cancellationToken);

    /// <summary>Releases the reserved amount and cancels the payment (C18.FR.07, C19.FR.01, C20.FR.04).</summary>
    /// <param name="pspRef">The PSP reference of the payment.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>True when the terminal confirmed the release.</returns>
    Task<bool> CancelAsync(string pspRef, CancellationToken cancellationToken);

    /// <summary>
    /// Settles (captures) the final cost of the transaction (C21.FR.01) and returns the receipt when there is one. A capture
    /// interrupted by a power cut is asked again for the same pspRef after the restart: return the first result then.
    /// </summary>
    /// <param name="pspRef">The PSP reference of the payment.</param>
    /// <param name="amount">The amount to capture (the transaction's total cost).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Settled with a receipt, Rejected by the PSP, or Failed (C22).</returns>
    Task<PaymentSettlementResult> SettleAsync(string pspRef, decimal amount, CancellationToken cancellationToken);

    /// <summary>Increases the reserved amount by <paramref name="increment"/> (C23, incremental authorization).</summary>
    /// <param name="pspRef">The PSP reference of the payment.</param>
    /// <param name="increment">PaymentCtrlr.IncrementalAuthorizationAmount.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>True when the PSP approved the increase.</returns>
    Task<bool> IncreaseAuthorizationAsync(string pspRef, decimal increment, CancellationToken cancellationToken);
}
