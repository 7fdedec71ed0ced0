namespace ChargerController.Station.Runtime;

/// <summary>
/// The seam to the session/transaction layer that Reset (B11/B12) and ChangeAvailability (G03/G04) need. The session
/// coordinator implements it; <see cref="NoStationTransactions"/> stands in until it is wired.
/// </summary>
public interface IStationTransactions
{
    /// <summary>Raised when a transaction started on an EVSE (argument: EVSE id); smart charging and reservations follow it.</summary>
    event EventHandler<int>? TransactionStarted;

    /// <summary>Raised when a transaction ended on an EVSE (argument: EVSE id).</summary>
    event EventHandler<int>? TransactionEnded;

    /// <summary>Gets whether a transaction is running on an EVSE, or anywhere when <paramref name="evseId"/> is null.</summary>
    /// <param name="evseId">EVSE id or null.</param>
    /// <returns>True when one runs.</returns>
    bool HasActiveTransaction(int? evseId);

    /// <summary>Gets the id of the transaction running on an EVSE (TxProfile matching, GetTransactionStatus), or null.</summary>
    /// <param name="evseId">EVSE id.</param>
    /// <returns>The transactionId or null.</returns>
    string? GetTransactionId(int evseId);

    /// <summary>Ends every running transaction (TransactionEvent Ended, triggerReason <c>ResetCommand</c>, stoppedReason as given, B12.FR.02).</summary>
    /// <param name="stoppedReason">The <c>ReasonEnumType</c> wire value, e.g. <c>ImmediateReset</c>.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing once the Ended events are queued durably.</returns>
    ValueTask EndAllAsync(string stoppedReason, CancellationToken cancellationToken);

    /// <summary>
    /// Gets a value indicating whether running transactions can be carried across a reboot for Reset
    /// <c>ImmediateAndResume</c> (B13.FR.03); without it such a reset is refused while a transaction runs.
    /// </summary>
    bool CanResumeAfterReset => false;

    /// <summary>
    /// Prepares every running transaction for Reset <c>ImmediateAndResume</c>: TransactionEvent <c>Updated</c> with
    /// triggerReason <c>ResetCommand</c> (B13.FR.04) and energy transfer stopped (B13.FR.20); the transactions stay open
    /// and are resumed after the reboot (B13.FR.23/30).
    /// </summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing once the Updated events are queued durably.</returns>
    ValueTask SuspendAllForResetAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// Ends the transaction running on one EVSE (TransactionEvent Ended, triggerReason <c>ResetCommand</c>, stoppedReason
    /// as given, B12.FR.08). Implementations that support per-EVSE reset override it; the default refuses.
    /// </summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="stoppedReason">The <c>ReasonEnumType</c> wire value, e.g. <c>ImmediateReset</c>.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing once the Ended event is queued durably.</returns>
    ValueTask EndAsync(int evseId, string stoppedReason, CancellationToken cancellationToken) =>
        ValueTask.FromException(new NotSupportedException("This transaction layer cannot end the transaction of one EVSE."));

    /// <summary>
    /// Reports that the operationMode of the profile governing a transaction changed (K01.FR.110: TransactionEvent Updated,
    /// triggerReason <c>OperationModeChanged</c>, transactionInfo.operationMode). Implementations without transactions
    /// ignore it (the default), so existing implementers need no change.
    /// </summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="transactionId">The transaction the mode belongs to; nothing is sent when another one runs by then.</param>
    /// <param name="operationMode">The <c>OperationModeEnumType</c> wire value, e.g. <c>Idle</c>.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing once the event is queued.</returns>
    ValueTask ReportOperationModeAsync(int evseId, string transactionId, string operationMode, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
