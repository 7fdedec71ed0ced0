using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Authorization;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Payment;

/// <summary>
/// What the payment block needs from the session and transaction layers: start a session for a DirectPayment token the
/// terminal or the CSMS accepted, stop it, raise a transaction's maxCost (C23) and learn when a session ends.
/// <see cref="PaymentSessions"/> adapts the <see cref="SessionCoordinator"/> and the transaction manager.
/// </summary>
public interface IPaymentSessions
{
    /// <summary>Raised when a session ended (any reason), on the thread that ended it.</summary>
    event EventHandler<ChargingSession>? SessionEnded;

    /// <summary>Raised when a transaction started on an EVSE (argument: evseId).</summary>
    event EventHandler<int>? TransactionStarted;

    /// <summary>Starts a session for an accepted token, with the station's own transaction limit.</summary>
    /// <param name="token">The DirectPayment token.</param>
    /// <param name="decision">The decision (Accepted).</param>
    /// <param name="evseId">The EVSE, or null to choose.</param>
    /// <param name="limit">The limit to send with the token (C18.FR.06 maxCost).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>What happened.</returns>
    Task<SessionStartResult> StartAsync(IdTokenType token, AuthorizationDecision decision, int? evseId, TransactionLimitType? limit, CancellationToken cancellationToken);

    /// <summary>Stops the session of an EVSE as the driver would (E07 local stop: TransactionEvent StopAuthorized, C20.FR.01).</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="token">The token stopping it.</param>
    /// <returns>False when the EVSE has no session.</returns>
    bool Stop(int evseId, IdTokenType token);

    /// <summary>Gets the session of an EVSE, or null.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>The session.</returns>
    ChargingSession? SessionOf(int evseId);

    /// <summary>Gets whether a transaction runs on an EVSE.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>True when one runs.</returns>
    bool HasActiveTransaction(int evseId);

    /// <summary>Gets the transactionId running on an EVSE, or null.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>The transactionId.</returns>
    string? TransactionIdOf(int evseId);

    /// <summary>Sets a limit of a running transaction from the station side (C23.FR.02: TransactionEvent LimitSet).</summary>
    /// <param name="transactionId">The transaction.</param>
    /// <param name="limit">The new limit.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing once the event is queued.</returns>
    Task SetLimitAsync(string transactionId, TransactionLimitType limit, CancellationToken cancellationToken);
}
