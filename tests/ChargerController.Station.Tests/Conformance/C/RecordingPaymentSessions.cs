using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Authorization;
using ChargerController.Station.Payment;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>An <see cref="IPaymentSessions"/> without EVSEs: records starts and refuses them (for protocol-level tests).</summary>
public sealed class RecordingPaymentSessions : IPaymentSessions
{
    public event EventHandler<ChargingSession>? SessionEnded;

    public event EventHandler<int>? TransactionStarted;

    public List<IdTokenType> Started { get; } = [];

    public Task<SessionStartResult> StartAsync(IdTokenType token, AuthorizationDecision decision, int? evseId, TransactionLimitType? limit, CancellationToken cancellationToken)
    {
        Started.Add(token);
        return Task.FromResult(new SessionStartResult(null, "no EVSE here"));
    }

    public bool Stop(int evseId, IdTokenType token) => false;

    public ChargingSession? SessionOf(int evseId) => null;

    public bool HasActiveTransaction(int evseId) => false;

    public string? TransactionIdOf(int evseId) => null;

    public Task SetLimitAsync(string transactionId, TransactionLimitType limit, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Keeps the compiler quiet about the unused events while making them raisable by a test.</summary>
    public void Raise(ChargingSession ended, int started)
    {
        SessionEnded?.Invoke(this, ended);
        TransactionStarted?.Invoke(this, started);
    }
}
