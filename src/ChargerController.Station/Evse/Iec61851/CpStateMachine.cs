using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Station.Evse.Iec61851;

/// <summary>
/// Turns raw CP samples into debounced states (pure: samples and a monotonic time in, observations out). Classification
/// and hysteresis are <see cref="CpStateClassifier"/>'s, the diode criterion <see cref="DiodeCheck"/>'s; this class adds
/// only time: a new state must persist for the debounce before it is accepted, a diode failure likewise, and the EVSE's
/// own state F is recognised so it neither hides as "EV unplugged" nor reads as an unexpected −12 V.
/// The debounce is asymmetric in effect: the debounced <see cref="State"/> (events, OCPP status) and any new energy
/// request wait for their debounce, but a sample that withdraws the request or shows danger raises
/// <see cref="CpObservation.EnergyRequestWithdrawn"/> at once (after one confirming sample when configured), because
/// filtering may delay switching on (3 s budget) but every switch-off direction has only 100 ms (REFERENCE.md §1.2, §1.5).
/// </summary>
public sealed class CpStateMachine
{
    private readonly TimeSpan _debounce;
    private readonly TimeSpan _energyRequestDebounce;
    private readonly int _samplesToWithdraw;
    private CpState _stable = CpState.Invalid;
    private CpState _lastRaw = CpState.Invalid;
    private CpState _candidate = CpState.Invalid;
    private TimeSpan _candidateSince;
    private bool _hasCandidate;
    private TimeSpan? _diodeFailingSince;
    private bool _diodeFault;
    private bool _diodePassed;
    private int _withdrawingSamples;
    private TimeSpan? _requestingSince;

    /// <summary>Creates the state machine in <see cref="CpState.Invalid"/> (nothing known).</summary>
    /// <param name="options">Debounce; <see langword="null"/> for the defaults.</param>
    public CpStateMachine(CpStateMachineOptions? options = null)
    {
        options ??= new CpStateMachineOptions();
        options.Validate();
        _debounce = options.Debounce;
        _energyRequestDebounce = options.EnergyRequestDebounce;
        _samplesToWithdraw = options.ConfirmWithdrawal ? 2 : 1;
    }

    /// <summary>The debounced state.</summary>
    public CpState State => _stable;

    /// <summary>Feeds one sample.</summary>
    /// <param name="sample">The CP sample.</param>
    /// <param name="now">Monotonic time of the sample.</param>
    /// <returns>The observation after this sample.</returns>
    public CpObservation Update(in CpSample sample, TimeSpan now)
    {
        var previous = _stable;
        var pwm = sample.Output.IsPwmRunning;
        if (sample.Output.Mode == CpGeneratorMode.StateF)
        {
            // The generator pins CP at −12 V whatever the EV does: nothing to learn, and a pending candidate would be stale.
            _hasCandidate = false;
            _lastRaw = CpState.Invalid;
            _diodeFailingSince = null;
            BreakEnergyRequest();
            return new CpObservation(
                _stable, previous, CpState.F, pwm, EvseDrivesStateF: true, _diodeFault, _diodePassed, DiodeFailingNow: false,
                EnergyRequestWithdrawn: true, WithdrawalUnconfirmed: false, EnergyRequestSettled: false);
        }

        var raw = CpStateClassifier.Classify(sample.Plateaus, _lastRaw);
        _lastRaw = raw;

        if (raw == _stable)
        {
            _hasCandidate = false;
        }
        else
        {
            if (!_hasCandidate || raw != _candidate)
            {
                _candidate = raw;
                _candidateSince = now;
                _hasCandidate = true;
            }

            if (now - _candidateSince >= DebounceFor(raw))
            {
                _stable = raw;
                _hasCandidate = false;
                if (raw == CpState.A)
                {
                    // A new plug-in must prove its diode again (Tinkerforge; EVerest clears the diode fault on A).
                    _diodeFault = false;
                    _diodePassed = false;
                }
            }
        }

        UpdateDiode(sample.Plateaus, pwm, raw, now);
        var diodeFailingNow = _diodeFailingSince is not null;
        if (raw is CpState.C or CpState.D && !diodeFailingNow)
        {
            _withdrawingSamples = 0;
            _requestingSince ??= now;
        }
        else
        {
            _withdrawingSamples = Math.Min(_withdrawingSamples + 1, _samplesToWithdraw);
            _requestingSince = null;
        }

        return new CpObservation(
            _stable,
            previous,
            raw,
            pwm,
            EvseDrivesStateF: false,
            _diodeFault,
            _diodePassed,
            diodeFailingNow,
            EnergyRequestWithdrawn: _withdrawingSamples >= _samplesToWithdraw,
            WithdrawalUnconfirmed: _withdrawingSamples > 0 && _withdrawingSamples < _samplesToWithdraw,
            EnergyRequestSettled: _requestingSince is { } since && now - since >= _energyRequestDebounce);
    }

    /// <summary>
    /// Records that no sample could be taken: nothing proves the EV still requests energy, so the run of requesting samples
    /// ends (closing again needs a full <see cref="CpStateMachineOptions.EnergyRequestDebounce"/>) and the request counts as
    /// withdrawn.
    /// </summary>
    public void SampleMissed() => BreakEnergyRequest();

    private void BreakEnergyRequest()
    {
        _withdrawingSamples = _samplesToWithdraw;
        _requestingSince = null;
    }

    private TimeSpan DebounceFor(CpState next) =>
        next is CpState.C or CpState.D && _stable is not (CpState.C or CpState.D) ? _energyRequestDebounce : _debounce;

    private void UpdateDiode(CpPlateaus plateaus, bool pwm, CpState raw, TimeSpan now)
    {
        switch (DiodeCheck.Evaluate(plateaus, pwm, raw))
        {
            case DiodeCheckResult.Passed:
                _diodeFailingSince = null;
                _diodePassed = !_diodeFault;
                break;
            case DiodeCheckResult.Failed:
                _diodeFailingSince ??= now;
                if (now - _diodeFailingSince.Value >= _debounce)
                {
                    _diodeFault = true;
                    _diodePassed = false;
                }

                break;
            default:
                _diodeFailingSince = null;
                break;
        }
    }
}
