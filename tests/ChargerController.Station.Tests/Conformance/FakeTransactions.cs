using System.Collections.Concurrent;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Tests.Conformance;

/// <summary>A transaction layer a test starts and ends transactions on.</summary>
public sealed class FakeTransactions : IStationTransactions
{
    private readonly ConcurrentDictionary<int, bool> _active = new();

    public event EventHandler<int>? TransactionStarted;

    public event EventHandler<int>? TransactionEnded;

    public ConcurrentQueue<string> EndedWith { get; } = new();

    public bool HasActiveTransaction(int? evseId) => evseId is { } id ? _active.ContainsKey(id) : !_active.IsEmpty;

    public string? GetTransactionId(int evseId) => _active.ContainsKey(evseId) ? "tx-" + evseId : null;

    public void Start(int evseId)
    {
        _active[evseId] = true;
        TransactionStarted?.Invoke(this, evseId);
    }

    public void End(int evseId)
    {
        _active.TryRemove(evseId, out _);
        TransactionEnded?.Invoke(this, evseId);
    }

    public ValueTask EndAllAsync(string stoppedReason, CancellationToken cancellationToken)
    {
        foreach (var id in _active.Keys)
        {
            EndedWith.Enqueue(stoppedReason);
            End(id);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EndAsync(int evseId, string stoppedReason, CancellationToken cancellationToken)
    {
        if (_active.ContainsKey(evseId))
        {
            EndedWith.Enqueue(stoppedReason);
            End(evseId);
        }

        return ValueTask.CompletedTask;
    }
}
