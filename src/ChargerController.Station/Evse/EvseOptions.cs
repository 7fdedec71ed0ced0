using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Safety;

namespace ChargerController.Station.Evse;

/// <summary>
/// Configuration of one EVSE's control loop. Currents in amperes, times as <see cref="TimeSpan"/>; defaults follow the
/// IEC 61851-1 timing table of REFERENCE.md §1.5 and the open designs it cites.
/// </summary>
public sealed record EvseOptions
{
    /// <summary>OCPP evseId (≥ 1), used in logs and events.</summary>
    public int EvseId { get; init; } = 1;

    /// <summary>What the EVSE hardware (contactor, wiring, relay board) is rated for, amperes per phase.</summary>
    public double HardwareMaxCurrentA { get; init; } = 32.0;

    /// <summary>Installation limit configured by the installer, amperes per phase.</summary>
    public double ConfiguredMaxCurrentA { get; init; } = 32.0;

    /// <summary>Rating of a tethered cable, amperes; <see langword="null"/> for a socket outlet (the rating then comes from PP).</summary>
    public double? TetheredCableMaxCurrentA { get; init; }

    /// <summary>Whether the site is ventilated, so state D may be energised like C (IEC 61851-1; EVerest <c>has_ventilation</c>).</summary>
    public bool HasVentilation { get; init; }

    /// <summary>
    /// Period of the control loop when run by <see cref="EvseController.RunAsync"/> while the contactor is open. Default 10 ms.
    /// With the contactor open no 100 ms opening deadline runs, so this period only sets how soon a plug-in, a fault or a
    /// command is seen; it stays at 10 ms because every step costs a wake-up plus a CP sample (an SPI burst on the Pi) and
    /// the idle service has a CPU budget (≤ 0.5 % of one core): halving it doubles the idle cost for no safety gain.
    /// </summary>
    public TimeSpan LoopPeriod { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Period of the loop while the contactor is closed. Default 5 ms. Opening on a withdrawn request happens in the step
    /// that samples it, so the pilot-change-to-open latency is up to one period plus scheduling delay: 5 ms leaves room for
    /// the 10 ms p99 target (docs/PERFORMANCE.md) and doubles the wake-ups only while energy flows, when the CPU spent on
    /// charging dwarfs it. A value above <see cref="LoopPeriod"/> acts as <see cref="LoopPeriod"/>.
    /// </summary>
    public TimeSpan EnergisedLoopPeriod { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>CP debounce (see <see cref="CpStateMachineOptions"/>).</summary>
    public CpStateMachineOptions ControlPilot { get; init; } = new();

    /// <summary>Interlock timing: soft-stop (≤ 6 s) and mirror-contact budget.</summary>
    public PowerPathInterlockOptions Interlock { get; init; } = new();

    /// <summary>Minimum spacing of duty-cycle increases (IEC 61851-1: the EV has 5 s to follow). Default 5 s.</summary>
    public TimeSpan DutyCycleUpdateInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the pilot stays in state F after a fault before the fault's steady signal (Table A.5: ≥ 300 ms). Default 300 ms.</summary>
    public TimeSpan StateFAfterFault { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Pilot signal while the EVSE is Unavailable (no fault). Default state F ("EVSE not available"); some old EVs latch an
    /// error on F, so X1 is allowed. With F a charging EV is cut at once (F hides an unplug, so no soft stop is possible);
    /// with X1 the contactor opens after the EV stopped drawing or the soft-stop timeout.
    /// </summary>
    public CpSafeSignal UnavailableSignal { get; init; } = CpSafeSignal.StateF;

    /// <summary>Below this per-phase current (amperes) the EV counts as no longer drawing, so a soft stop may open early. Default 1 A.</summary>
    public double EvStoppedCurrentA { get; init; } = 1.0;

    /// <summary>How often the meter is read. Default 1 s.</summary>
    public TimeSpan MeterPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A meter read taking longer than this counts as failed. Default 3 s.</summary>
    public TimeSpan MeterReadTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Meter-loss policy: how long charging continues without meter readings before the <see cref="FaultKind.MeterFailure"/>
    /// fault stops it. <see cref="TimeSpan.Zero"/> stops on the first failed read; <see cref="Timeout.InfiniteTimeSpan"/>
    /// never stops (the fault is not raised; over-current supervision is then blind). Default 10 s.
    /// </summary>
    public TimeSpan MeterLossGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Over-current tolerance above the offered current, percent (EVerest default 10 %).</summary>
    public double OvercurrentTolerancePercent { get; init; } = 10.0;

    /// <summary>Over-current tolerance above the offered current, amperes, added to the percentage (meter offset).</summary>
    public double OvercurrentToleranceA { get; init; } = 0.5;

    /// <summary>How long the EV may exceed the tolerance before the fault (EVerest: minimum 6 s, default 7 s; covers the 5 s the EV has to follow a duty decrease).</summary>
    public TimeSpan OvercurrentTimeout { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>How often PP is measured (socket outlets only). Default 250 ms.</summary>
    public TimeSpan ProximityPilotPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether the residual-current monitor self-test runs at start-up (REFERENCE.md §6.3: at boot and every 24 h).</summary>
    public bool RcdSelfTestAtStart { get; init; } = true;

    /// <summary>Interval of periodic self-tests (run only with no EV connected). Default 24 h.</summary>
    public TimeSpan RcdSelfTestInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Self-test timing (<see cref="RcdSelfTest"/>).</summary>
    public RcdSelfTestOptions RcdSelfTest { get; init; } = new();

    /// <summary>Minimum time the contactor stays open when switching 1p ↔ 3p (EVerest <c>switch_3ph1ph_delay_s</c> = 10 s).</summary>
    public TimeSpan PhaseSwitchDwell { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A loop step that has not begun for this long is a stall; the supervisor then forces the safe state. Default 500 ms.</summary>
    public TimeSpan LoopStallTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Checks every value; the controller calls it on construction.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(EvseId, 1);
        CheckCurrent(HardwareMaxCurrentA, nameof(HardwareMaxCurrentA));
        CheckCurrent(ConfiguredMaxCurrentA, nameof(ConfiguredMaxCurrentA));
        if (TetheredCableMaxCurrentA is { } cable)
        {
            CheckCurrent(cable, nameof(TetheredCableMaxCurrentA));
        }

        ArgumentNullException.ThrowIfNull(ControlPilot);
        ArgumentNullException.ThrowIfNull(Interlock);
        ArgumentNullException.ThrowIfNull(RcdSelfTest);
        ControlPilot.Validate();
        CheckPositive(LoopPeriod, nameof(LoopPeriod));
        if (LoopPeriod > TimeSpan.FromMilliseconds(50))
        {
            // With the 50 ms debounce budget a slower loop would miss the 100 ms opening limit.
            throw new ArgumentOutOfRangeException(nameof(LoopPeriod), LoopPeriod, "LoopPeriod must be at most 50 ms.");
        }

        CheckPositive(EnergisedLoopPeriod, nameof(EnergisedLoopPeriod));

        ArgumentOutOfRangeException.ThrowIfLessThan(DutyCycleUpdateInterval, TimeSpan.Zero, nameof(DutyCycleUpdateInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(StateFAfterFault, TimeSpan.Zero, nameof(StateFAfterFault));
        if (!Enum.IsDefined(UnavailableSignal) || UnavailableSignal == CpSafeSignal.KeepPwm)
        {
            throw new ArgumentOutOfRangeException(nameof(UnavailableSignal), UnavailableSignal, "Unavailable must be StateF or SteadyHigh.");
        }

        if (double.IsNaN(EvStoppedCurrentA) || EvStoppedCurrentA < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(EvStoppedCurrentA), EvStoppedCurrentA, "Must be ≥ 0 A.");
        }

        CheckPositive(MeterPollInterval, nameof(MeterPollInterval));
        CheckPositive(MeterReadTimeout, nameof(MeterReadTimeout));
        if (MeterLossGrace != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(MeterLossGrace, TimeSpan.Zero, nameof(MeterLossGrace));
        }

        if (double.IsNaN(OvercurrentTolerancePercent) || OvercurrentTolerancePercent < 0 || double.IsNaN(OvercurrentToleranceA) || OvercurrentToleranceA < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(OvercurrentTolerancePercent), "Over-current tolerances must be ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(OvercurrentTimeout, TimeSpan.Zero, nameof(OvercurrentTimeout));
        CheckPositive(ProximityPilotPollInterval, nameof(ProximityPilotPollInterval));
        CheckPositive(RcdSelfTestInterval, nameof(RcdSelfTestInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(PhaseSwitchDwell, TimeSpan.Zero, nameof(PhaseSwitchDwell));
        CheckPositive(LoopStallTimeout, nameof(LoopStallTimeout));
    }

    private static void CheckCurrent(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1000)
        {
            throw new ArgumentOutOfRangeException(name, value, "A current must be 0–1000 A.");
        }
    }

    private static void CheckPositive(TimeSpan value, string name) =>
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
}
