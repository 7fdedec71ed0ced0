using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Abstractions.ProximityPilot;
using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Evse;

/// <summary>
/// The IEC 61851-1 control loop of one EVSE: samples the pilot, debounces it (<see cref="CpStateMachine"/>), decides what
/// to offer (minimum of all limits, rate-limited duty), asks <see cref="PowerPathInterlock"/> to switch, supervises RCD,
/// lock, PP, meter and contactor feedback, drives the safe state on every fault and exit path, and reports events.
/// Run it with <see cref="RunAsync"/> (a <see cref="PeriodicTimer"/> on the injected <see cref="TimeProvider"/>), or call
/// <see cref="StepAsync"/> yourself (tests in virtual time). Commands may come from any thread; they take effect at the next step.
/// </summary>
public sealed partial class EvseController : IAsyncDisposable
{
    private readonly EvseDevices _devices;
    private readonly EvseOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ICurrentLimitSource[] _limitSources;
    private readonly long _origin;
    private readonly CpStateMachine _cp;
    private readonly DutyCycleRateLimiter _duty;
    private readonly FaultMonitor _faults = new();
    private readonly PowerPathInterlock _interlock;
    private readonly SafeState _safeState;
    private readonly LoopSupervisor _supervisor;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationToken _lifetimeToken;
    private readonly List<EvseEvent> _events = [];
    private readonly List<FaultChange> _faultChanges = [];
    private readonly SemaphoreSlim _stepGate = new(1, 1);
    private EvseSnapshot _snapshot;
    private int _disposed;

    /// <summary>Creates the controller and drives the outputs to the safe state at once (pilot F, contactor open).</summary>
    /// <param name="devices">The EVSE's ports.</param>
    /// <param name="options">Configuration (validated here).</param>
    /// <param name="timeProvider">Clock for every timing decision.</param>
    /// <param name="limitSources">Smart-charging / load-management / derating limits; may be empty.</param>
    /// <param name="logger">Logger; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public EvseController(
        EvseDevices devices,
        EvseOptions options,
        TimeProvider timeProvider,
        IEnumerable<ICurrentLimitSource>? limitSources = null,
        ILogger<EvseController>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(devices.Pilot, nameof(devices));
        ArgumentNullException.ThrowIfNull(devices.Contactor, nameof(devices));
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _devices = devices;
        _options = options;
        _time = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _limitSources = limitSources?.ToArray() ?? [];
        _origin = timeProvider.GetTimestamp();
        _lifetimeToken = _lifetime.Token;
        _cp = new CpStateMachine(options.ControlPilot);
        _duty = new DutyCycleRateLimiter(options.DutyCycleUpdateInterval);
        _interlock = new PowerPathInterlock(devices.Contactor, options.Interlock, options.EvseId, _logger);
        _safeState = new SafeState(devices.Pilot, _interlock, options.EvseId, _logger);
        _supervisor = new LoopSupervisor(timeProvider, options.LoopStallTimeout, _safeState, options.EvseId, _logger);
        _lastOpenedAt = -options.PhaseSwitchDwell;
        _rcdSelfTestPending = options.RcdSelfTestAtStart && devices.ResidualCurrentMonitor?.SupportsSelfTest == true;
        _lastRcdSelfTest = TimeSpan.Zero;
        _rcdTest = devices.ResidualCurrentMonitor is { } rcd ? new RcdSelfTestSequence(rcd, options.RcdSelfTest) : null;
        _locked = IsLockCommandedLocked(devices);

        // REFERENCE.md §6.6: a restart does not reset GPIO state, so drive every output safe before anything else.
        _safeState.Enter(CpSafeSignal.StateF, "start-up");
        _snapshot = BuildSnapshot();
    }

    /// <summary>
    /// Raised on the loop's thread, in order, after each step: connector status, EV connected/disconnected, charging state,
    /// energy offered, pilot state, faults raised/cleared. A throwing handler is logged and ignored.
    /// </summary>
    public event EventHandler<EvseEvent>? EventRaised;

    /// <summary>The OCPP evseId.</summary>
    public int EvseId => _options.EvseId;

    /// <summary>The latest published state (thread-safe).</summary>
    public EvseSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Gets a value indicating whether the cable is permanently attached to the station (no proximity pilot to read: E10.FR.02).</summary>
    public bool HasTetheredCable => _devices.ProximityPilot is null;

    /// <summary>The stalled-loop supervisor (run by <see cref="RunAsync"/>; exposed so a host can check it independently).</summary>
    public LoopSupervisor Supervisor => _supervisor;

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    private static bool IsLockCommandedLocked(EvseDevices devices)
    {
        try
        {
            // A lock left engaged by a previous run is released at the first step without a session.
            return devices.ConnectorLock?.IsCommandedLocked == true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return true;
        }
    }

    /// <summary>Stops the loop and leaves the outputs in the safe state (contactor open, pilot F).</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);

        // Wait for a running step to finish, but not for ever: a driver that ignores cancellation must not hang the host
        // stop. After the stall timeout the outputs are driven safe from here regardless (as the supervisor would).
        var acquired = false;
        using (var timeout = new CancellationTokenSource(_options.LoopStallTimeout, _time))
        {
            try
            {
                await _stepGate.WaitAsync(timeout.Token).ConfigureAwait(false);
                acquired = true;
            }
            catch (OperationCanceledException)
            {
                // A step is stuck in a port call.
            }
        }

        try
        {
            _safeState.Enter(CpSafeSignal.StateF, "disposed");
            _rcdTest?.Abort();
            AbandonReset();
        }
        finally
        {
            if (acquired)
            {
                _stepGate.Release();
            }
        }

        _lifetime.Dispose();
    }
}
