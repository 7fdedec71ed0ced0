using System.Collections.Concurrent;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>
/// The per-EVSE facts the composite depends on besides the profiles: when the transaction started (Relative schedules,
/// K01.FR.42), whether priority charging is on (K21), how many phases are in use (W → A, K01.FR.50), and since when the
/// station is offline (maxOfflineDuration, K01.FR.101). Thread-safe.
/// </summary>
public sealed class SmartChargingState
{
    private readonly IStationTransactions _transactions;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _started = new();
    private readonly ConcurrentDictionary<int, bool> _priority = new();
    private readonly ConcurrentDictionary<int, int> _phases = new();
    private long _offlineSinceTicks = long.MinValue;

    /// <summary>Initializes a new instance of the <see cref="SmartChargingState"/> class and follows the transactions.</summary>
    /// <param name="transactions">The transaction layer.</param>
    /// <param name="time">Clock.</param>
    public SmartChargingState(IStationTransactions transactions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(time);
        _transactions = transactions;
        _time = time;
        transactions.TransactionStarted += (_, evseId) =>
        {
            _started[evseId] = _time.GetUtcNow();
            Changed?.Invoke(this, evseId);
        };
        transactions.TransactionEnded += (_, evseId) =>
        {
            _started.TryRemove(evseId, out DateTimeOffset _);
            _priority.TryRemove(evseId, out bool _);
            Changed?.Invoke(this, evseId);
        };
    }

    /// <summary>Raised when something an EVSE's composite depends on changed (argument: EVSE id, 0 = all).</summary>
    public event EventHandler<int>? Changed;

    /// <summary>Gets the transaction layer.</summary>
    public IStationTransactions Transactions => _transactions;

    /// <summary>Gets or sets when the station lost its CSMS connection; null while online.</summary>
    public DateTimeOffset? OfflineSince
    {
        get => Interlocked.Read(ref _offlineSinceTicks) is var t && t == long.MinValue ? null : new DateTimeOffset(t, TimeSpan.Zero);
        set
        {
            var ticks = value?.UtcTicks ?? long.MinValue;
            if (Interlocked.Exchange(ref _offlineSinceTicks, ticks) != ticks)
            {
                Changed?.Invoke(this, 0);
            }
        }
    }

    /// <summary>The running transaction's id on the EVSE, or null.</summary>
    /// <param name="evseId">EVSE.</param>
    /// <returns>The id.</returns>
    public string? TransactionId(int evseId) => _transactions.GetTransactionId(evseId);

    /// <summary>When the running transaction started (Relative schedules count from here), or null when idle.</summary>
    /// <param name="evseId">EVSE.</param>
    /// <returns>The start.</returns>
    public DateTimeOffset? TransactionStart(int evseId)
    {
        if (_started.TryGetValue(evseId, out var start))
        {
            return start;
        }

        // A transaction that started before this block was attached (restart) counts from now.
        return _transactions.HasActiveTransaction(evseId) ? _started.GetOrAdd(evseId, _time.GetUtcNow()) : null;
    }

    /// <summary>Whether priority charging is active on the EVSE.</summary>
    /// <param name="evseId">EVSE.</param>
    /// <returns>True when active.</returns>
    public bool IsPriorityActive(int evseId) => _priority.TryGetValue(evseId, out var on) && on;

    /// <summary>Turns priority charging on or off (K21/K22).</summary>
    /// <param name="evseId">EVSE.</param>
    /// <param name="active">On or off.</param>
    public void SetPriority(int evseId, bool active)
    {
        _priority[evseId] = active;
        Changed?.Invoke(this, evseId);
    }

    /// <summary>The phases the EVSE charges on now (after a 3→1 switch: 1), or null when unknown (= the schedule's numberPhases).</summary>
    /// <param name="evseId">EVSE.</param>
    /// <returns>Phases or null.</returns>
    public int? PhasesInUse(int evseId) => _phases.TryGetValue(evseId, out var phases) ? phases : null;

    /// <summary>Records the phases the EVSE charges on.</summary>
    /// <param name="evseId">EVSE.</param>
    /// <param name="phases">1 to 3.</param>
    public void SetPhasesInUse(int evseId, int phases)
    {
        if (!_phases.TryGetValue(evseId, out var old) || old != phases)
        {
            _phases[evseId] = phases;
            Changed?.Invoke(this, evseId);
        }
    }
}
