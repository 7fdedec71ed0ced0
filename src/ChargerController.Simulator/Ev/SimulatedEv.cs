using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Simulator.Ev;

/// <summary>
/// An EV at the end of the cable, as the EVSE sees it through CP, PP and the power path: it can be plugged and
/// unplugged, asked to request energy (C, or D with ventilation) or not (B), and follows the PWM after
/// <see cref="SimulatedEvOptions.ResponseDelay"/>: it draws at most the advertised current and pauses in B
/// (B1 without PWM, B2 with a duty that allows no current) while the EVSE offers nothing.
/// Faults: shorted diode, CP shorted to PE (state E), ignoring the PWM ("lazy EV" that keeps drawing).
/// All timing goes through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SimulatedEv
{
    private readonly TimeProvider timeProvider;
    private readonly Lock gate = new();
    // When the EV adopts each allowed current: (timestamp, amperes), in time order. Kept as a short history so the
    // meter can integrate exactly across responses that happened between two of its reads.
    private readonly List<(long At, double AllowedA)> follows = [];
    private CpGeneratorOutput observedOutput = CpGeneratorOutput.StateF;
    private bool plugged;
    private CpState requested = CpState.B;
    private double maxCurrentA;
    private bool diodeShorted;
    private bool cpShortedToPe;
    private bool ignoresPwm;

    /// <summary>Creates an unplugged EV.</summary>
    /// <param name="timeProvider">Clock for the response delay.</param>
    /// <param name="options">Behaviour; <see langword="null"/> for a 32 A three-phase EV.</param>
    public SimulatedEv(TimeProvider timeProvider, SimulatedEvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        Options = options ?? new SimulatedEvOptions();
        if (Options.Phases is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Phases, "An EV charges on 1 or 3 phases.");
        }

        maxCurrentA = Options.MaxCurrentA;
    }

    /// <summary>Raised after the driver or a fault changed the EV (plug, requested state, faults, maximum current).</summary>
    public event EventHandler? Changed;

    /// <summary>Raised just before such a change, so the meter can count the energy of the old state first.</summary>
    internal event EventHandler? Changing;

    /// <summary>The options the EV was created with.</summary>
    public SimulatedEvOptions Options { get; }

    /// <summary>Whether the cable is plugged into the EV and the EVSE.</summary>
    public bool IsPlugged
    {
        get
        {
            lock (gate)
            {
                return plugged;
            }
        }
    }

    /// <summary>The state the EV's driver asked for: B (not requesting energy), C or D (requesting).</summary>
    public CpState RequestedState
    {
        get
        {
            lock (gate)
            {
                return requested;
            }
        }
    }

    /// <summary>The current limit the EV has followed so far (after the response delay), amperes.</summary>
    public double FollowedAllowedCurrentA
    {
        get
        {
            lock (gate)
            {
                return FollowedAt(timeProvider.GetTimestamp());
            }
        }
    }

    /// <summary>Most current the on-board charger wants now, amperes (lower it to model a battery tapering off).</summary>
    public double MaxCurrentA
    {
        get
        {
            lock (gate)
            {
                return maxCurrentA;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Mutate(() => maxCurrentA = value);
        }
    }

    /// <summary>Fault: the EV's CP diode is shorted, so the low plateau mirrors the high one.</summary>
    public bool DiodeShorted
    {
        get
        {
            lock (gate)
            {
                return diodeShorted;
            }
        }

        set => Mutate(() => diodeShorted = value);
    }

    /// <summary>Fault: CP is shorted to PE inside the EV (state E, 0 V).</summary>
    public bool CpShortedToPe
    {
        get
        {
            lock (gate)
            {
                return cpShortedToPe;
            }
        }

        set => Mutate(() => cpShortedToPe = value);
    }

    /// <summary>Fault: the EV ignores the PWM: it stays in its requested state and draws its maximum whatever the duty says.</summary>
    public bool IgnoresPwm
    {
        get
        {
            lock (gate)
            {
                return ignoresPwm;
            }
        }

        set => Mutate(() => ignoresPwm = value);
    }

    /// <summary>The CP state the EV presents now: A unplugged, E when shorted, B while paused or not requesting, else the requested C/D.</summary>
    public CpState PresentedState
    {
        get
        {
            lock (gate)
            {
                return PresentedStateCore(timeProvider.GetTimestamp());
            }
        }
    }

    /// <summary>Plugs the cable in; the EV starts in state B (or <paramref name="requestedState"/> once the EVSE offers current).</summary>
    /// <param name="requestedState">B, C or D.</param>
    public void Plug(CpState requestedState = CpState.B)
    {
        ValidateRequest(requestedState);
        Mutate(() =>
        {
            plugged = true;
            requested = requestedState;

            // A freshly plugged EV has followed nothing yet: it reads the PWM only after its response delay.
            var now = timeProvider.GetTimestamp();
            follows.RemoveAll(f => f.At > now);
            AddFollow(now, 0.0);
            AddFollow(now + DelayTicks(), AllowedByOutput(observedOutput));
        });
    }

    /// <summary>Unplugs the cable (state A). Clears a shorted diode or CP short, as EVerest's simulator does on unplug.</summary>
    public void Unplug() => Mutate(() =>
    {
        plugged = false;
        requested = CpState.B;
        diodeShorted = false;
        cpShortedToPe = false;
    });

    /// <summary>The EV's driver requests energy (C or D) or stops requesting it (B).</summary>
    /// <param name="state">B, C or D.</param>
    /// <exception cref="InvalidOperationException">The EV is not plugged in.</exception>
    public void SetRequestedState(CpState state)
    {
        ValidateRequest(state);
        Mutate(() =>
        {
            if (!plugged)
            {
                throw new InvalidOperationException("Plug the EV in before changing its CP state.");
            }

            requested = state;
        });
    }

    /// <summary>Called by the simulated pilot whenever the generator output changes.</summary>
    /// <param name="output">The new output.</param>
    internal void ObservePilot(CpGeneratorOutput output)
    {
        lock (gate)
        {
            observedOutput = output;
            AddFollow(timeProvider.GetTimestamp() + DelayTicks(), AllowedByOutput(output));
        }
    }

    /// <summary>Per-phase current the EV draws at <paramref name="timestamp"/> when L1 (and L2/L3) are energised, amperes.</summary>
    /// <param name="l1Supplied">Whether L1 is energised.</param>
    /// <param name="threePhasesSupplied">Whether L2 and L3 are energised too.</param>
    /// <param name="timestamp">A <see cref="TimeProvider.GetTimestamp"/> value, not before the last change of the EV.</param>
    /// <returns>Currents on L1, L2, L3.</returns>
    internal (double L1, double L2, double L3) DrawCurrentA(bool l1Supplied, bool threePhasesSupplied, long timestamp)
    {
        lock (gate)
        {
            var state = PresentedStateCore(timestamp);
            if (!l1Supplied || state is not (CpState.C or CpState.D))
            {
                return (0, 0, 0);
            }

            var perPhase = ignoresPwm ? maxCurrentA : Math.Min(maxCurrentA, FollowedAt(timestamp));
            var others = Options.Phases == 3 && threePhasesSupplied ? perPhase : 0.0;
            return (perPhase, others, others);
        }
    }

    /// <summary>The timestamps in (<paramref name="after"/>, <paramref name="upTo"/>] at which the EV adopted a new current.</summary>
    /// <param name="after">Exclusive start.</param>
    /// <param name="upTo">Inclusive end.</param>
    /// <returns>The breakpoints, in order.</returns>
    internal long[] FollowBreakpoints(long after, long upTo)
    {
        lock (gate)
        {
            return [.. follows.Where(f => f.At > after && f.At <= upTo).Select(f => f.At)];
        }
    }

    private static double AllowedByOutput(CpGeneratorOutput output) =>
        output.IsPwmRunning ? DutyCycle.ToCurrent(output.DutyCyclePercent) : 0.0;

    private static void ValidateRequest(CpState state)
    {
        if (state is not (CpState.B or CpState.C or CpState.D))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "An EV presents B, C or D; A is unplugged and E/F are faults.");
        }
    }

    private CpState PresentedStateCore(long timestamp)
    {
        if (!plugged)
        {
            return CpState.A;
        }

        if (cpShortedToPe)
        {
            return CpState.E;
        }

        if (requested == CpState.B)
        {
            return CpState.B;
        }

        // IEC 61851-1: without an offered current (X1, or a duty below 8 %) the EV must not draw and goes back to B.
        return ignoresPwm || FollowedAt(timestamp) > 0.0 ? requested : CpState.B;
    }

    private long DelayTicks() =>
        (long)(Options.ResponseDelay.TotalSeconds * timeProvider.TimestampFrequency);

    private double FollowedAt(long timestamp)
    {
        var allowed = 0.0;
        foreach (var (at, allowedA) in follows)
        {
            if (at > timestamp)
            {
                break;
            }

            allowed = allowedA;
        }

        return allowed;
    }

    private void AddFollow(long at, double allowedA)
    {
        follows.Add((at, allowedA));

        // Bounded history: the meter reads far more often than 256 PWM changes happen.
        if (follows.Count > 256)
        {
            follows.RemoveRange(0, follows.Count - 256);
        }
    }

    private void Mutate(Action change)
    {
        Changing?.Invoke(this, EventArgs.Empty);
        lock (gate)
        {
            change();
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }
}
