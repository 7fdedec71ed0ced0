using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Authorization;
using ChargerController.Station.Sessions;
using ChargerController.Station.Transactions;

namespace ChargerController.Station.Payment;

/// <summary>The <see cref="IPaymentSessions"/> of the station: the session coordinator and the transaction manager.</summary>
public sealed class PaymentSessions : IPaymentSessions, IDisposable
{
    private readonly SessionCoordinator sessions;
    private readonly TransactionManager transactions;

    /// <summary>Initializes a new instance of the <see cref="PaymentSessions"/> class.</summary>
    /// <param name="sessions">The session coordinator.</param>
    /// <param name="transactions">The transaction manager.</param>
    public PaymentSessions(SessionCoordinator sessions, TransactionManager transactions)
    {
        this.sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        this.transactions = transactions ?? throw new ArgumentNullException(nameof(transactions));
        sessions.SessionEnded += OnSessionEnded;
        transactions.TransactionStarted += OnTransactionStarted;
    }

    /// <inheritdoc />
    public event EventHandler<ChargingSession>? SessionEnded;

    /// <inheritdoc />
    public event EventHandler<int>? TransactionStarted;

    /// <inheritdoc />
    public Task<SessionStartResult> StartAsync(IdTokenType token, AuthorizationDecision decision, int? evseId, TransactionLimitType? limit, CancellationToken cancellationToken) =>
        sessions.StartWithDecisionAsync(token, decision, evseId, limit, "payment", cancellationToken);

    /// <inheritdoc />
    public bool Stop(int evseId, IdTokenType token) => sessions.Stop(evseId, SessionEndReason.LocalStop, token);

    /// <inheritdoc />
    public ChargingSession? SessionOf(int evseId) => sessions.SessionOf(evseId);

    /// <inheritdoc />
    public bool HasActiveTransaction(int evseId) => transactions.HasActiveTransaction(evseId);

    /// <inheritdoc />
    public string? TransactionIdOf(int evseId) => transactions.GetTransactionId(evseId);

    /// <inheritdoc />
    public Task SetLimitAsync(string transactionId, TransactionLimitType limit, CancellationToken cancellationToken) =>
        transactions.SetStationLimitAsync(transactionId, limit, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        sessions.SessionEnded -= OnSessionEnded;
        transactions.TransactionStarted -= OnTransactionStarted;
    }

    private void OnSessionEnded(object? sender, ChargingSession e) => SessionEnded?.Invoke(this, e);

    private void OnTransactionStarted(object? sender, int e) => TransactionStarted?.Invoke(this, e);
}
