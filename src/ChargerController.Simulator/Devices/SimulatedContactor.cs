using ChargerController.Hardware.Abstractions.Contactor;

namespace ChargerController.Simulator.Devices;

/// <summary>
/// One or two contactors (K1 = L1 + N, or all phases without phase switching; K2 = L2 + L3) with mirror contacts that
/// report a position change <see cref="SimulatedContactorOptions.FeedbackDelay"/> after the command.
/// Fault injection: welding (contacts that are closed stay closed), failure to close, loss of the feedback signal
/// (a broken mirror wire reads "mirror open", i.e. main contacts closed).
/// </summary>
public sealed class SimulatedContactor : IContactor
{
    private readonly TimeProvider timeProvider;
    private readonly Lock gate = new();
    private readonly Pole main = new();
    private readonly Pole second = new();
    private bool welding;
    private bool failToClose;
    private bool feedbackLost;

    /// <summary>Creates the contactor(s), open.</summary>
    /// <param name="timeProvider">Clock for the feedback delay.</param>
    /// <param name="options">Wiring and timing; <see langword="null"/> for two contactors with mirror contacts.</param>
    public SimulatedContactor(TimeProvider timeProvider, SimulatedContactorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        Options = options ?? new SimulatedContactorOptions();
    }

    /// <summary>Raised after a command (the power path may have changed).</summary>
    public event EventHandler? Changed;

    /// <summary>Raised just before a command, so the meter can count the energy of the old state first.</summary>
    internal event EventHandler? Changing;

    /// <summary>The options it was created with.</summary>
    public SimulatedContactorOptions Options { get; }

    /// <inheritdoc />
    public bool SupportsPhaseSwitching => Options.SupportsPhaseSwitching;

    /// <inheritdoc />
    public bool HasFeedback => Options.HasFeedback;

    /// <summary>Fault: from now on, contacts that are closed (now or at the next close) weld and stay closed after <see cref="Open"/>.</summary>
    public bool Welding
    {
        get
        {
            lock (gate)
            {
                return welding;
            }
        }

        set
        {
            lock (gate)
            {
                welding = value;
            }
        }
    }

    /// <summary>Fault: the coil is energised but the contacts do not move (burnt coil, missing supply).</summary>
    public bool FailToClose
    {
        get
        {
            lock (gate)
            {
                return failToClose;
            }
        }

        set
        {
            lock (gate)
            {
                failToClose = value;
            }
        }
    }

    /// <summary>Fault: the mirror-contact signal is lost (broken wire), which reads as "main contacts closed".</summary>
    public bool FeedbackLost
    {
        get
        {
            lock (gate)
            {
                return feedbackLost;
            }
        }

        set
        {
            lock (gate)
            {
                feedbackLost = value;
            }
        }
    }

    /// <summary>Whether L1 (K1) carries power right now.</summary>
    public bool L1Conducting
    {
        get
        {
            lock (gate)
            {
                return main.ContactsClosed;
            }
        }
    }

    /// <summary>Whether L2 and L3 carry power right now (K2, or K1 when there is no phase switching).</summary>
    public bool L2L3Conducting
    {
        get
        {
            lock (gate)
            {
                return Options.SupportsPhaseSwitching ? second.ContactsClosed : main.ContactsClosed;
            }
        }
    }

    /// <summary>Clears the injected faults; welded contacts open on the next <see cref="Open"/> (the contactor was "replaced").</summary>
    public void ClearFaults()
    {
        lock (gate)
        {
            welding = false;
            failToClose = false;
            feedbackLost = false;
        }
    }

    /// <inheritdoc />
    public void Close(PhaseSelection phases)
    {
        if (!Enum.IsDefined(phases))
        {
            throw new ArgumentOutOfRangeException(nameof(phases), phases, "Unknown phase selection.");
        }

        if (phases == PhaseSelection.SinglePhase && !Options.SupportsPhaseSwitching)
        {
            throw new NotSupportedException("Single-phase charging needs a second contactor (K2), which this EVSE does not have.");
        }

        lock (gate)
        {
            if (main.Commanded && Options.SupportsPhaseSwitching && second.Commanded != (phases == PhaseSelection.AllPhases))
            {
                throw new InvalidOperationException("The contactor is closed with the other phase selection; open it before switching phases.");
            }
        }

        Changing?.Invoke(this, EventArgs.Empty);
        var now = timeProvider.GetTimestamp();
        lock (gate)
        {
            Command(main, true, now);
            if (Options.SupportsPhaseSwitching)
            {
                Command(second, phases == PhaseSelection.AllPhases, now);
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <inheritdoc />
    public void Open()
    {
        Changing?.Invoke(this, EventArgs.Empty);
        var now = timeProvider.GetTimestamp();
        lock (gate)
        {
            Command(main, false, now);
            Command(second, false, now);
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <inheritdoc />
    public ContactorStatus ReadStatus()
    {
        var now = timeProvider.GetTimestamp();
        lock (gate)
        {
            return new ContactorStatus(
                main.Commanded,
                Options.SupportsPhaseSwitching && second.Commanded,
                Feedback(main, now),
                Options.SupportsPhaseSwitching ? Feedback(second, now) : ContactorFeedback.NotAvailable);
        }
    }

    private void Command(Pole pole, bool close, long now)
    {
        pole.Commanded = close;
        if (close ? failToClose : welding)
        {
            // A dead coil never pulls in; welded contacts that are closed stay closed when the coil drops.
            return;
        }

        if (pole.ContactsClosed != close)
        {
            pole.ContactsClosed = close;
            pole.MovedAt = now;
        }
    }

    private ContactorFeedback Feedback(Pole pole, long now)
    {
        if (!Options.HasFeedback)
        {
            return ContactorFeedback.NotAvailable;
        }

        if (feedbackLost)
        {
            return ContactorFeedback.Closed;
        }

        // The mirror contact settles FeedbackDelay after the main contacts moved.
        var settled = timeProvider.GetElapsedTime(pole.MovedAt, now) >= Options.FeedbackDelay;
        var closed = settled ? pole.ContactsClosed : pole.PreviouslyClosed;
        return closed ? ContactorFeedback.Closed : ContactorFeedback.Open;
    }

    private sealed class Pole
    {
        private bool contactsClosed;

        public bool Commanded { get; set; }

        public bool PreviouslyClosed { get; private set; }

        public long MovedAt { get; set; }

        public bool ContactsClosed
        {
            get => contactsClosed;
            set
            {
                PreviouslyClosed = contactsClosed;
                contactsClosed = value;
            }
        }
    }
}
