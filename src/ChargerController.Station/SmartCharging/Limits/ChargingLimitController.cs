using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging.Composite;
using ChargerController.Station.SmartCharging.LoadBalancing;
using ChargerController.Station.SmartCharging.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>
/// Turns the composite schedules into per-EVSE current limits (<see cref="EvseCurrentLimit"/>) and shares the station
/// maximum between the EVSEs (K04 local load balancing, optionally under a grid meter's fuse). Recomputes on every
/// profile, transaction, EVSE or meter change and, through a <see cref="TimeProvider"/> timer, at the next schedule
/// period boundary (K01.FR.07, K10.FR.05).
/// </summary>
public sealed class ChargingLimitController : IDisposable
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxRecheck = TimeSpan.FromSeconds(30);

    // How far the clock may move while the boundary timer is armed before it is armed again (see TryArmBoundaryTimer):
    // arming takes microseconds on a real clock; a virtual clock moves in steps of at least this.
    private static readonly TimeSpan ArmTolerance = TimeSpan.FromMilliseconds(1);

    // Bounds the recompute/re-arm passes of one Recompute when the clock keeps moving under it.
    private const int MaxPasses = 4;

    private readonly CompositeScheduleService _composite;
    private readonly SmartChargingState _state;
    private readonly SmartChargingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, EvseCurrentLimit> _limits;
    private readonly Dictionary<int, EvseLoadState> _load = [];
    private readonly Dictionary<int, DateTimeOffset> _lastPhaseDecision = [];
    private readonly Dictionary<int, (string TransactionId, OperationModeEnumType Mode)> _modes = [];
    private readonly ITimer _timer;
    private readonly Dictionary<int, (Func<MeterReading?> Reading, Func<bool> Energised)> _meters = [];
    private MeterReading? _grid;
    private double? _houseA;
    private bool _skippedGridSample;
    private Func<bool>? _isConnected;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="ChargingLimitController"/> class.</summary>
    /// <param name="composite">Composite computation.</param>
    /// <param name="profiles">Installed profiles (changes trigger a recompute).</param>
    /// <param name="state">Per-EVSE state (changes trigger a recompute).</param>
    /// <param name="time">Clock and timers.</param>
    /// <param name="logger">Logger.</param>
    public ChargingLimitController(CompositeScheduleService composite, ChargingProfileSet profiles, SmartChargingState state, TimeProvider time, ILogger<ChargingLimitController>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(composite);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(time);
        _composite = composite;
        _state = state;
        _options = composite.Options;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _limits = _options.Evses.ToDictionary(e => e.EvseId, e => new EvseCurrentLimit(this, e.EvseId));
        _timer = time.CreateTimer(_ => RecomputeFromTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        profiles.Changed += (_, _) => Recompute();
        state.Changed += (_, _) => Recompute();
    }

    /// <summary>Raised (outside the lock) when an EVSE's limit changed.</summary>
    public event EventHandler<EvseLimitChangedEventArgs>? LimitChanged;

    /// <summary>
    /// Raised (outside the lock) when a new period of the profile governing a running transaction has another
    /// operationMode than the one before (K01.FR.110). The mode in force when a transaction is first seen is its baseline.
    /// </summary>
    public event EventHandler<OperationModeChange>? OperationModeChanged;

    /// <summary>Raised when an EVSE should switch between 1 and 3 phases.</summary>
    public event EventHandler<PhaseSwitchRequest>? PhaseSwitchRequested;

    /// <summary>Gets the per-EVSE limit sources (one per configured EVSE) to hand to the EVSE controllers.</summary>
    public IReadOnlyCollection<EvseCurrentLimit> Limits => _limits.Values;

    /// <summary>Gets the station budget of the last computation, amperes per phase.</summary>
    public double StationBudgetA { get; private set; } = double.PositiveInfinity;

    /// <summary>The limit source of an EVSE.</summary>
    /// <param name="evseId">EVSE id.</param>
    /// <returns>The source.</returns>
    public EvseCurrentLimit LimitFor(int evseId) => _limits.TryGetValue(evseId, out var limit) ? limit : throw new ArgumentOutOfRangeException(nameof(evseId), evseId, "Unknown EVSE.");

    /// <summary>Lets the controller follow the CSMS connection (maxOfflineDuration, K01.FR.101/102).</summary>
    /// <param name="isConnected">Whether the CSMS link is up.</param>
    public void FollowConnection(Func<bool> isConnected) => _isConnected = isConnected;

    /// <summary>Reports what an EVSE is doing (from its control loop events).</summary>
    /// <param name="evseId">EVSE.</param>
    /// <param name="demand">Demand.</param>
    /// <param name="phases">Phase selection in use.</param>
    /// <param name="reading">Its meter's last reading, or null.</param>
    public void UpdateEvse(int evseId, EvseDemand demand, PhaseSelection phases, MeterReading? reading)
    {
        if (!_limits.ContainsKey(evseId))
        {
            return;
        }

        bool changed;
        lock (_gate)
        {
            var next = new EvseLoadState(demand, phases, reading);
            changed = !_load.TryGetValue(evseId, out var old) || old.Demand != demand || old.Phases != phases || !ReferenceEquals(old.Reading, reading);
            _load[evseId] = next;
        }

        var evse = _options.Evse(evseId)!;
        _state.SetPhasesInUse(evseId, phases == PhaseSelection.SinglePhase ? 1 : evse.SupplyPhases);
        if (changed)
        {
            Recompute();
        }
    }

    /// <summary>
    /// Lets the grid computation read an EVSE's meter live (its loop's latest reading) instead of the reading of its last
    /// event: the site load besides the chargers is site − chargers at the moment of the grid reading.
    /// </summary>
    /// <param name="evseId">EVSE.</param>
    /// <param name="latestReading">The EVSE meter's latest reading, or null.</param>
    /// <param name="energised">Whether the EVSE offers current with the contactor closed now.</param>
    public void TrackEvseMeter(int evseId, Func<MeterReading?> latestReading, Func<bool> energised)
    {
        ArgumentNullException.ThrowIfNull(latestReading);
        ArgumentNullException.ThrowIfNull(energised);
        lock (_gate)
        {
            _meters[evseId] = (latestReading, energised);
        }
    }

    /// <summary>Reports a grid meter reading (site import including the chargers).</summary>
    /// <param name="reading">The reading, or null when the meter failed.</param>
    public void UpdateGrid(MeterReading? reading)
    {
        lock (_gate)
        {
            if (reading is { } site)
            {
                _grid = site;

                // A sample the charger meters cannot be matched with keeps the previous estimate (see HouseLoadA), but
                // never twice in a row: an EV that stays in state C at 0 A must not freeze the house load.
                var house = HouseLoadA(site, acceptSkew: _skippedGridSample || _houseA is null);
                _skippedGridSample = house is null;
                _houseA = house ?? _houseA;
            }
        }

        Recompute();
    }

    /// <summary>Recomputes every EVSE's limit now and re-arms the boundary timer.</summary>
    public void Recompute()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var changes = new List<EvseLimitChangedEventArgs>();
        var switches = new List<PhaseSwitchRequest>();
        var modes = new List<OperationModeChange>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            for (var pass = 1; ; pass++)
            {
                var validUntil = ComputeLocked(now, changes, switches, modes);
                if (TryArmBoundaryTimer(validUntil, out now))
                {
                    break;
                }

                if (pass >= MaxPasses)
                {
                    // The clock keeps passing the boundaries under this computation: let the timer come back at once.
                    _timer.Change(TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
                    break;
                }
            }
        }

        foreach (var change in changes)
        {
            SmartChargingLog.LimitChanged(_logger, change.EvseId, change.LimitA);
            LimitChanged?.Invoke(this, change);
        }

        foreach (var change in modes)
        {
            OperationModeChanged?.Invoke(this, change);
        }

        foreach (var request in switches)
        {
            SmartChargingLog.PhaseSwitch(_logger, request.EvseId, request.Phases);
            PhaseSwitchRequested?.Invoke(this, request);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // One computation at `now` under the lock: sets every EVSE's limit and returns until when the result holds.
    private DateTimeOffset ComputeLocked(DateTimeOffset now, List<EvseLimitChangedEventArgs> changes, List<PhaseSwitchRequest> switches, List<OperationModeChange> modes)
    {
        FollowConnectivity(now);
        var station = _composite.Compute(0, now, Horizon).Segments[0];
        var validUntil = Min(station.End, now + MaxRecheck);
        var budget = Math.Min(_options.StationMaximumA(), station.LimitA());
        budget = Math.Min(budget, GridBudgetA(now));
        StationBudgetA = budget;

        var slots = new Dictionary<int, CompositeSegment>();
        var evses = new List<LoadBalancerEvse>();
        foreach (var evse in _options.Evses)
        {
            var slot = _composite.Compute(evse.EvseId, now, Horizon).Segments[0];
            slots[evse.EvseId] = slot;
            validUntil = Min(validUntil, slot.End);
            if (FollowOperationMode(evse.EvseId, slot) is { } modeChange)
            {
                modes.Add(modeChange);
            }

            var load = _load.GetValueOrDefault(evse.EvseId);
            var minimum = Math.Max(_options.MinimumCurrentA, slot.MinChargingRateA);
            var rank = _state.TransactionStart(evse.EvseId)?.UtcTicks ?? long.MaxValue;
            evses.Add(new LoadBalancerEvse(evse.EvseId, load.Demand, slot.LimitA(_state.PhasesInUse(evse.EvseId)), minimum, rank));
        }

        evses = [.. evses.OrderBy(e => e.Rank).ThenBy(e => e.EvseId)];
        var allocation = LocalLoadBalancer.Allocate(budget, evses);
        foreach (var evse in evses)
        {
            var limit = Math.Min(evse.LimitA, allocation[evse.EvseId]);
            var source = _limits[evse.EvseId];
            var previous = source.CurrentLimitA;
            source.Set(limit, validUntil);
            if (!previous.Equals(limit))
            {
                changes.Add(new EvseLimitChangedEventArgs(evse.EvseId, previous, limit));
            }

            if (DecidePhases(evses, evse, slots[evse.EvseId], budget, allocation[evse.EvseId], now) is { } request)
            {
                // A second pass of the same Recompute asks once, with its newer decision.
                switches.RemoveAll(s => s.EvseId == request.EvseId);
                switches.Add(request);
            }
        }

        return validUntil;
    }

    // ITimer takes a due time relative to the clock at the moment of Change, but validUntil was computed from the clock
    // read at the start of the computation. When the clock moved in between (this thread was descheduled, or another
    // thread advanced a virtual clock) a due time from that stale reading fires late by the difference, so the next
    // period would start late (K01.FR.07). The due time is therefore taken from a fresh reading, checked again after
    // arming; false when the boundary already passed and the limits must be computed again at `now`.
    private bool TryArmBoundaryTimer(DateTimeOffset validUntil, out DateTimeOffset now)
    {
        now = _time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            if (now >= validUntil)
            {
                return false;
            }

            _timer.Change(validUntil - now, Timeout.InfiniteTimeSpan);
            var after = _time.GetUtcNow();
            if (after - now < ArmTolerance || attempt >= MaxPasses)
            {
                return true;
            }

            now = after;
        }
    }

    // K01.FR.110: compare with the mode last seen for the same transaction; a new transaction starts a new baseline.
    private OperationModeChange? FollowOperationMode(int evseId, CompositeSegment slot)
    {
        if (_state.TransactionId(evseId) is not { } transactionId)
        {
            _modes.Remove(evseId);
            return null;
        }

        var mode = slot.OperationMode;
        var known = _modes.TryGetValue(evseId, out var last) && string.Equals(last.TransactionId, transactionId, StringComparison.Ordinal);
        _modes[evseId] = (transactionId, mode);
        return known && last.Mode != mode ? new OperationModeChange(evseId, transactionId, mode) : null;
    }

    // A timer callback must never throw (it would end the process); the EVSE loop's own read retries the recompute and
    // treats a failing source as 0 A.
    private void RecomputeFromTimer()
    {
        try
        {
            Recompute();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SmartChargingLog.Failed(_logger, "limit recompute", ex);
            _timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }
    }

    private static double PhaseCurrent(MeterReading reading, int phase) =>
        phase < reading.CurrentA.Count && double.IsFinite(reading.CurrentA[phase]) ? reading.CurrentA[phase] : 0;

    private void FollowConnectivity(DateTimeOffset now)
    {
        if (_isConnected is not { } connected)
        {
            return;
        }

        var online = connected();
        if (!online && _state.OfflineSince is null)
        {
            _state.OfflineSince = now;
        }
        else if (online && _state.OfflineSince is { } since)
        {
            _state.OfflineSince = null;
            ReconnectedAfter(since, now);
        }
    }

    // K01.FR.102: back online, profiles that lapsed offline count again, unless invalidAfterOfflineDuration says otherwise.
    private void ReconnectedAfter(DateTimeOffset since, DateTimeOffset now) =>
        OfflineExpired?.Invoke(this, (since, now));

    /// <summary>Raised (inside a recompute) when the station came back online after being offline from/to.</summary>
    internal event EventHandler<(DateTimeOffset Since, DateTimeOffset Until)>? OfflineExpired;

    // The chargers may use what the fuse leaves after the rest of the site: fuse − margin − house, where the house is
    // estimated at each grid reading (HouseLoadA). Without a fresh grid reading (or no estimate yet) the site load is
    // unknown and every charging EVSE is held at the minimum.
    private double GridBudgetA(DateTimeOffset now)
    {
        if (_options.GridMeter is not { } grid)
        {
            return double.PositiveInfinity;
        }

        var charging = _load.Count(l => l.Value.Demand != EvseDemand.Idle);
        if (_grid is not { } site || now - site.Timestamp > grid.StaleAfter || _houseA is not { } house)
        {
            return _options.MinimumCurrentA * Math.Max(1, charging);
        }

        return Math.Max(0, grid.FuseCurrentA - grid.MarginA - house);
    }

    // The rest of the site on its worst phase: site − chargers, with each charger's meter read now. A charger without a
    // fresh reading counts as drawing nothing, so its load is attributed to the house and the budget errs low. One case
    // cannot be told apart from a real house load: an EV that began drawing after its meter's last reading (the EVSE
    // meter is polled every second, the grid meter on its own clock) shows up in the site but not yet in the chargers,
    // and taking it for house load would pause the very EV that just started. Such a sample (an energised EVSE whose
    // latest reading, older than the grid reading, shows no current) returns null and the previous estimate stays —
    // for one grid interval, which the margin and the fuse's time-current curve cover. With acceptSkew (the sample
    // before was skipped, or there is no estimate yet) the sample counts as it is.
    private double? HouseLoadA(MeterReading site, bool acceptSkew)
    {
        var stale = _options.GridMeter?.StaleAfter ?? TimeSpan.FromSeconds(10);
        var chargers = new List<MeterReading>();
        foreach (var evse in _options.Evses)
        {
            MeterReading? reading;
            var energised = false;
            if (_meters.TryGetValue(evse.EvseId, out var meter))
            {
                try
                {
                    reading = meter.Reading();
                    energised = meter.Energised();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    SmartChargingLog.Failed(_logger, "EVSE meter for the grid budget", ex);
                    reading = null;
                }
            }
            else
            {
                reading = _load.GetValueOrDefault(evse.EvseId).Reading;
            }

            if (!acceptSkew && energised && (reading is null || (reading.Timestamp < site.Timestamp && MaxCurrent(reading) < 0.5)))
            {
                return null;
            }

            if (reading is not null && (site.Timestamp - reading.Timestamp).Duration() <= stale)
            {
                chargers.Add(reading);
            }
        }

        var worst = 0.0;
        for (var phase = 0; phase < site.CurrentA.Count; phase++)
        {
            worst = Math.Max(worst, PhaseCurrent(site, phase) - chargers.Sum(r => PhaseCurrent(r, phase)));
        }

        return worst;
    }

    private static double MaxCurrent(MeterReading reading)
    {
        var max = 0.0;
        for (var phase = 0; phase < reading.CurrentA.Count; phase++)
        {
            max = Math.Max(max, PhaseCurrent(reading, phase));
        }

        return max;
    }

    private PhaseSwitchRequest? DecidePhases(List<LoadBalancerEvse> evses, LoadBalancerEvse evse, CompositeSegment slot, double budget, double allocation, DateTimeOffset now)
    {
        var options = _options.Evse(evse.EvseId)!;
        if (!options.SupportsPhaseSwitching || evse.Demand == EvseDemand.Idle)
        {
            return null;
        }

        // What the balancer would give with the other phase count (the EVSE's own limit changes with it).
        var current = _load.GetValueOrDefault(evse.EvseId).Phases;
        var otherLimit = slot.LimitA(current == PhaseSelection.SinglePhase ? options.SupplyPhases : 1);
        var other = LocalLoadBalancer.Allocate(budget, [.. evses.Select(e => e.EvseId == evse.EvseId ? e with { LimitA = otherLimit } : e)])[evse.EvseId];
        var (three, one) = current == PhaseSelection.SinglePhase ? (other, allocation) : (allocation, other);
        var wanted = PhaseSwitchPolicy.Decide(slot, three, one, current, evse.MinimumA, options.SupplyPhases);
        if (wanted == current)
        {
            return null;
        }

        // numberPhases 1 in a schedule is a requirement, not an optimisation: no hold time for it.
        if (slot.NumberPhases != 1 && _lastPhaseDecision.TryGetValue(evse.EvseId, out var last) && now - last < _options.PhaseSwitchHoldTime)
        {
            return null;
        }

        _lastPhaseDecision[evse.EvseId] = now;
        return new PhaseSwitchRequest(evse.EvseId, wanted);
    }
}
