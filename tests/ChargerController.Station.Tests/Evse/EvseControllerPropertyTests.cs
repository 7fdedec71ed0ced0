using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Evse;
using ChargerController.Station.Safety;
using ChargerController.Station.Tests.Fakes;
using CsCheck;

namespace ChargerController.Station.Tests.Evse;

/// <summary>
/// Property-based: random sequences of EV actions, device faults, limit changes and commands, each followed by a random
/// number of 10 ms steps in virtual time. The test keeps its own ground truth (what the EV and devices really do, what was
/// commanded) and checks after every step, independently of the controller's internal view:
/// <list type="number">
/// <item>the contactor closes only when every interlock condition holds in the ground truth, and never switches while closed;</item>
/// <item>a closed contactor is opened within 100 ms of a hard condition failing (EV left C/D, CP short, diode, RCD, lock,
/// PP), and within the soft-stop timeout of an offer-side condition failing (authorization, availability, current, phases);</item>
/// <item>the advertised current never exceeds the minimum of the limits;</item>
/// <item>whenever the controller reports a fault, the contactor is open after that step;</item>
/// <item>whenever the CP sample taken in a step withdraws the energy request or shows danger (EV out of C/D, CP shorted,
/// out of range, diode failing under PWM, the EVSE driving F), the contactor is open at the end of that same step — the
/// fast path does not wait for the debounce.</item>
/// </list>
/// Timeouts are shortened (soft stop 300 ms, over-current 500 ms …) so that short sequences reach them.
/// </summary>
public sealed class EvseControllerPropertyTests
{
    private const int Sequences = 10_000;
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan HardLimit = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SoftStop = TimeSpan.FromMilliseconds(300);
    private static readonly double[] PpResistances = [1500, 680, 220, 100, double.PositiveInfinity, 30];

    private enum Kind
    {
        EvA,
        EvB,
        EvC,
        EvD,
        Authorize,
        Deauthorize,
        Availability,
        ExternalLimit,
        ClearLimit,
        Phases,
        ResetFaults,
        DiodeShort,
        CpShort,
        RcdTrip,
        Weld,
        FailToClose,
        MeterFail,
        MeterCurrent,
        LockJam,
        LockLost,
        Cable,
        CpNoise,
        Count,
    }

    private readonly record struct Act(Kind Kind, int Value, int Steps)
    {
        public override string ToString() => $"{Kind}({Value})x{Steps}";
    }

    // Weighted so that most sequences reach charging and then meet faults, rather than faulting before the first close.
    private static readonly Gen<Kind> GenKind = Gen.Frequency(
        (6, Kind.EvC), (4, Kind.EvB), (2, Kind.EvA), (1, Kind.EvD),
        (4, Kind.Authorize), (1, Kind.Deauthorize), (1, Kind.Availability),
        (3, Kind.ExternalLimit), (1, Kind.ClearLimit), (1, Kind.Phases), (2, Kind.ResetFaults),
        (1, Kind.DiodeShort), (1, Kind.CpShort), (1, Kind.RcdTrip), (1, Kind.Weld), (1, Kind.FailToClose),
        (1, Kind.MeterFail), (2, Kind.MeterCurrent), (1, Kind.LockJam), (1, Kind.LockLost), (1, Kind.Cable), (1, Kind.CpNoise));

    private static readonly Gen<Act> GenAct = Gen.Select(GenKind, Gen.Int[0, 40], Gen.Int[1, 25], (k, v, s) => new Act(k, v, s));

    // Plug in, authorize, request energy: a session that is charging when the random part starts.
    private static readonly Act[] ChargingPrefix = [new(Kind.EvB, 0, 3), new(Kind.Authorize, 0, 3), new(Kind.MeterCurrent, 16, 1), new(Kind.EvC, 0, 15)];

    private static readonly Gen<(bool Ventilation, Act[] Acts)> GenSequence = Gen.Select(
        Gen.Bool,
        Gen.Int[0, 9],
        GenAct.Array[1, 10],
        (ventilation, prefix, acts) => (ventilation, prefix < 8 ? [.. ChargingPrefix, .. acts] : acts));

    [Fact]
    public void RandomSequences_InterlockLimitsAndFaultReactionsHold() =>
        GenSequence.Sample(
            s => new World(s.Ventilation).Run(s.Acts),
            iter: Sequences,
            print: s => $"ventilation={s.Ventilation} [{string.Join(", ", s.Acts)}]");

    private sealed class World
    {
        private readonly EvseHarness _h;
        private readonly bool _ventilation;
        private bool _authorized;
        private bool _available = true;
        private double? _limit;
        private PhaseSelection _phases = PhaseSelection.AllPhases;
        private TimeSpan _now;
        private TimeSpan? _hardSince;
        private TimeSpan? _softSince;

        public World(bool ventilation)
        {
            _ventilation = ventilation;
            _h = new EvseHarness(
                o => o with
                {
                    HasVentilation = ventilation,
                    Interlock = new PowerPathInterlockOptions { SoftStopTimeout = SoftStop },
                    DutyCycleUpdateInterval = TimeSpan.FromMilliseconds(200),
                    MeterPollInterval = TimeSpan.FromMilliseconds(50),
                    MeterLossGrace = TimeSpan.FromMilliseconds(200),
                    OvercurrentTimeout = TimeSpan.FromMilliseconds(500),
                    ProximityPilotPollInterval = Period,
                    PhaseSwitchDwell = TimeSpan.FromMilliseconds(300),
                    RcdSelfTest = new() { TripTimeout = TimeSpan.FromMilliseconds(50), ClearTimeout = TimeSpan.FromMilliseconds(50) },
                },
                withRcd: true,
                withLock: true,
                withMeter: true,
                withProximityPilot: true,
                phaseSwitching: true);
            _h.ProximityPilot!.ResistanceOhm = 220;
            _h.Contactor.OnClose = CheckClose;
        }

        public void Run(Act[] acts)
        {
            foreach (var act in acts)
            {
                Apply(act);
                for (var i = 0; i < act.Steps; i++)
                {
                    _h.Time.Advance(Period);
                    _now += Period;

                    // The step samples before it commands the generator, so the sample sees the output as it is now.
                    var withdrawn = SampleWithdrawsRequest;
                    var step = _h.Controller.StepAsync(CancellationToken.None);
                    Assert.True(step.IsCompletedSuccessfully, "a step with synchronous devices completes synchronously");
                    if (withdrawn && _h.Contactor.AnyClosed)
                    {
                        Assert.Fail($"closed at the end of a step whose CP sample withdrew the request (EV {_h.Pilot.EvState}, generator {_h.Pilot.Output.Mode})");
                    }

                    CheckAfterStep();
                }
            }
        }

        private void Apply(Act a)
        {
            var on = a.Value % 2 == 1;
            switch (a.Kind)
            {
                case Kind.EvA: _h.Pilot.EvState = CpState.A; _authorized = false; _h.Controller.Deauthorize(); break;
                case Kind.EvB: _h.Pilot.EvState = CpState.B; break;
                case Kind.EvC: _h.Pilot.EvState = CpState.C; break;
                case Kind.EvD: _h.Pilot.EvState = CpState.D; break;
                case Kind.Authorize: _authorized = true; _h.Controller.Authorize(); break;
                case Kind.Deauthorize: _authorized = false; _h.Controller.Deauthorize(); break;
                case Kind.Availability: _available = on; _h.Controller.SetAvailability(on); break;
                case Kind.ExternalLimit: _limit = a.Value; _h.Controller.SetExternalLimit(a.Value); break;
                case Kind.ClearLimit: _limit = null; _h.Controller.SetExternalLimit(null); break;
                case Kind.Phases: _phases = on ? PhaseSelection.SinglePhase : PhaseSelection.AllPhases; _h.Controller.RequestPhaseSelection(_phases); break;
                case Kind.ResetFaults: _h.Controller.ResetFaults(); break;
                case Kind.DiodeShort: _h.Pilot.DiodeShorted = on; break;
                case Kind.CpShort: _h.Pilot.ShortedToPe = on; break;
                case Kind.RcdTrip: _h.Rcd!.Tripped = on; break;
                case Kind.Weld: _h.Contactor.Welded = on; break;
                case Kind.FailToClose: _h.Contactor.FailsToClose = on; break;
                case Kind.MeterFail: _h.Meter!.Failure = on ? MeterFault.Timeout : null; break;
                case Kind.MeterCurrent: _h.Meter!.CurrentA = a.Value; break;
                case Kind.LockJam: _h.Lock!.Jammed = on; break;
                case Kind.LockLost: _h.Lock!.ForcedPosition = on ? ConnectorLockFeedback.Unlocked : null; break;
                case Kind.Cable: _h.ProximityPilot!.ResistanceOhm = PpResistances[a.Value % PpResistances.Length]; break;
                case Kind.CpNoise: _h.Pilot.Override = on ? new CpPlateaus(a.Value % 4 == 1 ? 14.5 : 10.5, -12.0) : null; break;
                default: throw new ArgumentOutOfRangeException(nameof(a));
            }

            // An unplugged EV also ends the authorization in the ground truth (the controller ends the session).
            if (_h.Pilot.EvState == CpState.A)
            {
                _authorized = false;
            }
        }

        private bool EvRequestsEnergy => _h.Pilot.EvState == CpState.C || (_h.Pilot.EvState == CpState.D && _ventilation);

        private bool CableOk => ProximityPilotTable.Decode(_h.ProximityPilot!.ResistanceOhm).Status == ProximityStatus.Cable;

        private double CableA => ProximityPilotTable.Decode(_h.ProximityPilot!.ResistanceOhm).MaxCurrentA;

        private bool LockOk => _h.Lock!.ReadFeedback() == ConnectorLockFeedback.Locked;

        // Ground truth of the CP line as the sampler sees it, from the fake's flags (not from the product's classifier).
        private bool SampleWithdrawsRequest =>
            _h.Pilot.Output.Mode == CpGeneratorMode.StateF
            || _h.Pilot.Override is not null
            || _h.Pilot.ShortedToPe
            || _h.Pilot.EvState is not (CpState.C or CpState.D)
            || (_h.Pilot.DiodeShorted && _h.Pilot.Output.IsPwmRunning);

        // Conditions whose failure must open a closed contactor within 100 ms (IEC 61851-1 Table A.6; REFERENCE.md §6.4).
        private bool HardOk =>
            EvRequestsEnergy
            && !_h.Pilot.ShortedToPe
            && _h.Pilot.Override is null
            && !(_h.Pilot.DiodeShorted && _h.Pilot.Output.IsPwmRunning)
            && !_h.Rcd!.Tripped
            && LockOk
            && CableOk;

        private double MinLimitA => Math.Min(Math.Min(32.0, CableA), _limit ?? double.PositiveInfinity);

        // Conditions on the offer side: a closed contactor may be held for the soft stop while the EV ramps down.
        private bool SoftOk =>
            _authorized && _available && MinLimitA >= DutyCycle.MinCurrentA - 0.1 && _h.Contactor.SecondClosed == (_phases == PhaseSelection.AllPhases);

        private void CheckClose(PhaseSelection phases)
        {
            Assert.False(_h.Contactor.AnyClosed, "contactors switched while closed");
            Assert.True(EvRequestsEnergy, $"closed with EV in {_h.Pilot.EvState}");
            Assert.Equal(CpGeneratorMode.Pwm, _h.Pilot.Output.Mode);
            Assert.True(_authorized, "closed without authorization");
            Assert.True(_available, "closed while unavailable");
            Assert.False(_h.Pilot.ShortedToPe, "closed with CP shorted");
            Assert.Null(_h.Pilot.Override);
            Assert.False(_h.Pilot.DiodeShorted, "closed with a shorted diode");
            Assert.False(_h.Rcd!.Tripped, "closed with RCD tripped");
            Assert.True(LockOk, "closed without a confirmed lock");
            Assert.True(CableOk, "closed without a valid PP cable");
            Assert.True(MinLimitA >= DutyCycle.MinCurrentA - 0.1, "closed with less than 6 A allowed");
            Assert.Equal(_phases, phases);
        }

        private void CheckAfterStep()
        {
            var closed = _h.Contactor.AnyClosed;
            var snapshot = _h.Controller.Snapshot;

            // After any fault the contactor is open (same step).
            if (closed && snapshot.Faults.Count > 0)
            {
                Assert.Fail($"closed with faults {string.Join(",", snapshot.Faults.Select(f => f.Kind))}");
            }

            // Hard conditions: 100 ms. Onset is the first step at which the truth failed while closed.
            _hardSince = closed && !HardOk ? _hardSince ?? _now - Period : null;
            if (_hardSince is { } h && _now - h > HardLimit)
            {
                Assert.Fail($"closed {(_now - h).TotalMilliseconds} ms after a hard condition failed");
            }

            _softSince = closed && !SoftOk ? _softSince ?? _now - Period : null;
            if (_softSince is { } s && _now - s > SoftStop + HardLimit)
            {
                Assert.Fail($"closed {(_now - s).TotalMilliseconds} ms after the offer was withdrawn");
            }

            // The advertised current never exceeds the minimum of the limits (0.1 A: DutyCycle accepts 5.9 A as 6 A).
            if (_h.Pilot.Output.IsPwmRunning)
            {
                var advertised = DutyCycle.ToCurrent(_h.Pilot.Output.DutyCyclePercent);
                if (advertised > MinLimitA + 0.1)
                {
                    Assert.Fail($"advertises {advertised} A, limits allow {MinLimitA} A");
                }
            }
        }
    }
}
