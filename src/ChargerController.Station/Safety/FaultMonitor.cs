namespace ChargerController.Station.Safety;

/// <summary>
/// The set of active faults of one EVSE and their clearing rules (<see cref="FaultCatalog"/>). Owned by the control
/// loop: not thread-safe, other threads read the snapshot the loop publishes.
/// </summary>
public sealed class FaultMonitor
{
    private readonly Fault?[] _active = new Fault?[FaultCatalog.Count];
    private readonly List<FaultChange> _changes = [];
    private int _count;

    /// <summary>Whether any fault is active.</summary>
    public bool Any => _count > 0;

    /// <summary>Whether a fault of this kind is active.</summary>
    /// <param name="kind">The fault kind.</param>
    /// <returns><see langword="true"/> when active.</returns>
    public bool IsActive(FaultKind kind) => _active[(int)kind] is not null;

    /// <summary>Whether any active fault forbids energy transfer (every fault does; kept explicit for readers of the interlock).</summary>
    public bool BlocksEnergy => _count > 0;

    /// <summary>The most restrictive pilot signal any active fault demands (<see cref="CpSafeSignal.KeepPwm"/> when none).</summary>
    public CpSafeSignal StrongestSignal
    {
        get
        {
            var signal = CpSafeSignal.KeepPwm;
            if (_count == 0)
            {
                return signal;
            }

            foreach (var fault in _active)
            {
                if (fault is not null && fault.Reaction.Signal > signal)
                {
                    signal = fault.Reaction.Signal;
                }
            }

            return signal;
        }
    }

    /// <summary>Raises a fault unless one of the same kind is already active.</summary>
    /// <param name="kind">The fault.</param>
    /// <param name="reason">Detail for logs and the OCPP report.</param>
    /// <param name="now">Station clock.</param>
    /// <returns><see langword="true"/> when the fault is new.</returns>
    public bool Raise(FaultKind kind, string reason, DateTimeOffset now)
    {
        ref var slot = ref _active[(int)kind];
        if (slot is not null)
        {
            return false;
        }

        slot = new Fault(kind, reason, now);
        _count++;
        _changes.Add(new FaultChange(slot, Raised: true));
        return true;
    }

    /// <summary>Reports that the condition behind a <see cref="FaultClearRule.WhenConditionGone"/> fault is no longer seen; latched kinds are ignored.</summary>
    /// <param name="kind">The fault kind.</param>
    public void ConditionGone(FaultKind kind)
    {
        if (FaultCatalog.ReactionTo(kind).ClearRule == FaultClearRule.WhenConditionGone)
        {
            Clear(kind);
        }
    }

    /// <summary>The EV was unplugged: clears every <see cref="FaultClearRule.OnUnplug"/> fault.</summary>
    public void Unplugged() => ClearWhere(FaultClearRule.OnUnplug);

    /// <summary>Clears a fault whatever its rule; the caller has checked the rule's precondition (reset + self-test, reset + feedback).</summary>
    /// <param name="kind">The fault kind.</param>
    public void Clear(FaultKind kind)
    {
        ref var slot = ref _active[(int)kind];
        if (slot is null)
        {
            return;
        }

        _changes.Add(new FaultChange(slot, Raised: false));
        slot = null;
        _count--;
    }

    /// <summary>Copies the active faults.</summary>
    /// <returns>The active faults, ordered by kind.</returns>
    public Fault[] Snapshot()
    {
        if (_count == 0)
        {
            return [];
        }

        var list = new Fault[_count];
        var i = 0;
        foreach (var fault in _active)
        {
            if (fault is not null)
            {
                list[i++] = fault;
            }
        }

        return list;
    }

    /// <summary>Moves the changes since the last call into <paramref name="into"/>.</summary>
    /// <param name="into">Receives the changes in the order they happened.</param>
    public void DrainChanges(List<FaultChange> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (_changes.Count == 0)
        {
            return;
        }

        into.AddRange(_changes);
        _changes.Clear();
    }

    private void ClearWhere(FaultClearRule rule)
    {
        for (var i = 0; i < _active.Length; i++)
        {
            if (_active[i] is { } fault && fault.Reaction.ClearRule == rule)
            {
                Clear(fault.Kind);
            }
        }
    }
}
