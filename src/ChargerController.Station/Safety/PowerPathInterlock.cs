using ChargerController.Hardware.Abstractions.Contactor;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Safety;

/// <summary>
/// The only code that closes a contactor (house rule 15; an architecture test scans src/ for other callers). It closes
/// only when every <see cref="InterlockCondition"/> holds, opens at once when a condition other than the
/// <see cref="InterlockCondition.SoftStop"/> set is lost (EV left C, fault, RCD, lock, diode, cable: the 100 ms cases of
/// IEC 61851-1:2017 Table A.6; for the CP on the first confirmed withdrawing sample, not the debounced state), holds a
/// closed contactor at most <see cref="PowerPathInterlockOptions.SoftStopTimeout"/> when only offer-side conditions are
/// withdrawn (so the EV can stop drawing first), and supervises the mirror contact for welding and failure to close
/// (REFERENCE.md §6.2). Thread-safe: the loop evaluates, a supervisor may force it open.
/// </summary>
public sealed class PowerPathInterlock
{
    private readonly IContactor _contactor;
    private readonly PowerPathInterlockOptions _options;
    private readonly ILogger _logger;
    private readonly int _evseId;
    private readonly Lock _gate = new();
    private bool _closed;
    private PhaseSelection _closedPhases;
    private TimeSpan? _softStopSince;
    private TimeSpan? _mismatchSince;

    /// <summary>Creates the interlock for one EVSE's contactor(s). Does not switch anything: call <see cref="ForceOpen"/> at start-up.</summary>
    /// <param name="contactor">The contactor port.</param>
    /// <param name="options">Timing.</param>
    /// <param name="evseId">EVSE id for logs.</param>
    /// <param name="logger">Logger; <see langword="null"/> for none.</param>
    public PowerPathInterlock(IContactor contactor, PowerPathInterlockOptions options, int evseId, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(contactor);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SoftStopTimeout < TimeSpan.Zero || options.SoftStopTimeout > TimeSpan.FromSeconds(6))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SoftStopTimeout, "SoftStopTimeout must be 0–6 s (IEC 61851-1 Table A.6 seq. 10.2).");
        }

        if (options.FeedbackTimeout <= TimeSpan.Zero || options.FeedbackTimeout > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FeedbackTimeout, "FeedbackTimeout must be within (0, 1 s].");
        }

        _contactor = contactor;
        _options = options;
        _evseId = evseId;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Whether the interlock has the contactor commanded closed.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>The phase selection the contactor was closed with (meaningful while <see cref="IsClosed"/>).</summary>
    public PhaseSelection ClosedPhases
    {
        get
        {
            lock (_gate)
            {
                return _closedPhases;
            }
        }
    }

    /// <summary>
    /// Decides and switches for this step: closes when every condition holds, opens (at once or after the soft stop),
    /// and supervises the mirror contact. Never throws for a failing port: it reports <see cref="ContactorSupervision.PortFailure"/>.
    /// </summary>
    /// <param name="conditions">The facts of this step.</param>
    /// <param name="phases">The phase selection to close with; a closed contactor with another selection is soft-stopped first, never switched under load.</param>
    /// <param name="now">Monotonic station time.</param>
    /// <returns>The outcome.</returns>
    public InterlockOutcome Evaluate(in InterlockConditions conditions, PhaseSelection phases, TimeSpan now)
    {
        lock (_gate)
        {
            var unmetToClose = conditions.Unmet(forClosing: true);
            var supervision = ContactorSupervision.Healthy;
            if (!_closed)
            {
                _softStopSince = null;
                if (unmetToClose == InterlockCondition.None && !CloseCore(phases))
                {
                    supervision = ContactorSupervision.PortFailure;
                }
            }
            else
            {
                var unmetToHold = conditions.Unmet(forClosing: false);
                if ((unmetToHold & ~InterlockCondition.SoftStop) != 0)
                {
                    // EV left C/D, fault, RCD, lock, diode or cable: IEC 61851-1 allows 100 ms, so no waiting for the load.
                    supervision = OpenCore(unmetToHold) ? supervision : ContactorSupervision.PortFailure;
                }
                else if (unmetToHold != InterlockCondition.None || phases != _closedPhases)
                {
                    _softStopSince ??= now;
                    if (conditions.EvStoppedDrawing || now - _softStopSince.Value >= _options.SoftStopTimeout)
                    {
                        supervision = OpenCore(unmetToHold) ? supervision : ContactorSupervision.PortFailure;
                    }
                }
                else
                {
                    _softStopSince = null;
                }
            }

            var status = default(ContactorStatus);
            if (supervision == ContactorSupervision.Healthy)
            {
                supervision = Supervise(now, out status);
            }

            return new InterlockOutcome(_closed, unmetToClose, supervision, status, _closed && _softStopSince is not null);
        }
    }

    /// <summary>De-energises every coil now, whatever the conditions: the safe-state path. Never throws.</summary>
    /// <param name="reason">Why, for the log.</param>
    /// <returns><see langword="false"/> when the port threw (the coil state is then unknown).</returns>
    public bool ForceOpen(string reason)
    {
        lock (_gate)
        {
            var wasClosed = _closed;
            _closed = false;
            _softStopSince = null;
            _mismatchSince = null;
            try
            {
                _contactor.Open();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogMessages.ContactorPortFailed(_logger, _evseId, ex);
                return false;
            }

            if (wasClosed)
            {
                LogMessages.ContactorOpened(_logger, _evseId, reason);
            }

            return true;
        }
    }

    private bool CloseCore(PhaseSelection phases)
    {
        try
        {
            // The one call site of IContactor.Close in the product (house rule 15).
            _contactor.Close(phases);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessages.ContactorPortFailed(_logger, _evseId, ex);
            TryOpen();
            return false;
        }

        _closed = true;
        _closedPhases = phases;
        _mismatchSince = null;
        LogMessages.ContactorClosed(_logger, _evseId, phases);
        return true;
    }

    private bool OpenCore(InterlockCondition unmet)
    {
        _closed = false;
        _softStopSince = null;
        _mismatchSince = null;
        try
        {
            _contactor.Open();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessages.ContactorPortFailed(_logger, _evseId, ex);
            return false;
        }

        LogMessages.ContactorOpened(_logger, _evseId, unmet == InterlockCondition.None ? "phase selection change" : unmet.ToString());
        return true;
    }

    private ContactorSupervision Supervise(TimeSpan now, out ContactorStatus status)
    {
        try
        {
            status = _contactor.ReadStatus();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            status = default;
            LogMessages.ContactorPortFailed(_logger, _evseId, ex);
            _closed = false;
            TryOpen();
            return ContactorSupervision.PortFailure;
        }

        if (status.AnyCommandedClosed != _closed)
        {
            // The port disagrees with what we commanded (someone else switched it, or a command was lost): fail safe.
            _closed = false;
            TryOpen();
            return ContactorSupervision.PortFailure;
        }

        if (!status.FeedbackMismatch)
        {
            _mismatchSince = null;
            return ContactorSupervision.Healthy;
        }

        _mismatchSince ??= now;
        if (now - _mismatchSince.Value < _options.FeedbackTimeout)
        {
            return ContactorSupervision.Healthy;
        }

        if (_closed)
        {
            // REFERENCE.md §6.2: ON commanded, mirror still closed → failed to close → command off.
            _closed = false;
            _mismatchSince = null;
            TryOpen();
            return ContactorSupervision.DidNotClose;
        }

        return ContactorSupervision.Welded;
    }

    private void TryOpen()
    {
        try
        {
            _contactor.Open();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessages.ContactorPortFailed(_logger, _evseId, ex);
        }
    }
}
