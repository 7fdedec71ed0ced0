using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Safety;

/// <summary>
/// Detects a stalled control loop: the loop calls <see cref="Beat"/> every step; when no beat arrives within the stall
/// timeout, the supervisor drives the safe state itself from its own timer. This is a software layer only — the
/// hardware heartbeat/monostable of REFERENCE.md §6.6 remains the real safety function for a frozen process.
/// </summary>
public sealed class LoopSupervisor
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _stallTimeout;
    private readonly SafeState _safeState;
    private readonly ILogger _logger;
    private readonly int _evseId;
    private long _lastBeat;
    private int _stalled;

    /// <summary>Creates the supervisor; the first beat is "now".</summary>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="stallTimeout">How long without a beat is a stall (must stay well below the 100 ms-class limits' multiple the hardware watchdog covers).</param>
    /// <param name="safeState">The safe-state path to drive on a stall.</param>
    /// <param name="evseId">EVSE id for logs.</param>
    /// <param name="logger">Logger; <see langword="null"/> for none.</param>
    public LoopSupervisor(TimeProvider timeProvider, TimeSpan stallTimeout, SafeState safeState, int evseId, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(safeState);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stallTimeout, TimeSpan.Zero);
        _timeProvider = timeProvider;
        _stallTimeout = stallTimeout;
        _safeState = safeState;
        _evseId = evseId;
        _logger = logger ?? NullLogger.Instance;
        _lastBeat = timeProvider.GetTimestamp();
    }

    /// <summary>Whether a stall was detected and not yet acknowledged by <see cref="TryAcknowledgeStall"/>.</summary>
    public bool StallDetected => Volatile.Read(ref _stalled) != 0;

    /// <summary>Records that the loop ran. Called by the loop at the start of every step.</summary>
    public void Beat() => Volatile.Write(ref _lastBeat, _timeProvider.GetTimestamp());

    /// <summary>Called by the loop: consumes a detected stall so it can be reported as a fault once.</summary>
    /// <returns><see langword="true"/> when a stall had been detected since the last call.</returns>
    public bool TryAcknowledgeStall() => Interlocked.Exchange(ref _stalled, 0) != 0;

    /// <summary>Checks once; on a stall drives the safe state (state F, contactor open).</summary>
    /// <returns><see langword="true"/> when the loop is stalled.</returns>
    public bool Check()
    {
        var age = _timeProvider.GetElapsedTime(Volatile.Read(ref _lastBeat));
        if (age < _stallTimeout)
        {
            return false;
        }

        if (Interlocked.Exchange(ref _stalled, 1) == 0)
        {
            LogMessages.LoopStalled(_logger, _evseId, age.TotalMilliseconds);
            _safeState.Enter(CpSafeSignal.StateF, "control loop stalled");
        }

        return true;
    }

    /// <summary>Checks every half stall timeout until cancelled.</summary>
    /// <param name="cancellationToken">Stops supervision.</param>
    /// <returns>A task that completes when cancelled.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_stallTimeout / 2, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Check();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal stop.
        }
    }
}
