using ChargerController.Hardware.Abstractions.ConnectorLock;

namespace ChargerController.Simulator.Devices;

/// <summary>
/// A connector lock actuator that moves after <see cref="SimulatedConnectorLockOptions.ActuationTime"/> (waited on the
/// injected clock). Fault injection: the pin jams where it is.
/// </summary>
public sealed class SimulatedConnectorLock : IConnectorLock
{
    private readonly TimeProvider timeProvider;
    private readonly Lock gate = new();
    private bool commandedLocked;
    private bool pinLocked;
    private bool jammed;

    /// <summary>Creates an unlocked lock.</summary>
    /// <param name="timeProvider">Clock for the actuation time.</param>
    /// <param name="options">Wiring and timing; <see langword="null"/> for a lock with feedback and 300 ms actuation.</param>
    public SimulatedConnectorLock(TimeProvider timeProvider, SimulatedConnectorLockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        Options = options ?? new SimulatedConnectorLockOptions();
    }

    /// <summary>The options it was created with.</summary>
    public SimulatedConnectorLockOptions Options { get; }

    /// <inheritdoc />
    public bool HasFeedback => Options.HasFeedback;

    /// <inheritdoc />
    public bool IsCommandedLocked
    {
        get
        {
            lock (gate)
            {
                return commandedLocked;
            }
        }
    }

    /// <summary>Whether the pin physically holds the plug (what the user would notice pulling it).</summary>
    public bool IsPhysicallyLocked
    {
        get
        {
            lock (gate)
            {
                return pinLocked;
            }
        }
    }

    /// <summary>Fault: the pin no longer moves (jammed, broken motor, foreign object).</summary>
    public bool Jammed
    {
        get
        {
            lock (gate)
            {
                return jammed;
            }
        }

        set
        {
            lock (gate)
            {
                jammed = value;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<ConnectorLockFeedback> LockAsync(CancellationToken cancellationToken) => ActuateAsync(true, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ConnectorLockFeedback> UnlockAsync(CancellationToken cancellationToken) => ActuateAsync(false, cancellationToken);

    /// <inheritdoc />
    public ConnectorLockFeedback ReadFeedback()
    {
        lock (gate)
        {
            return FeedbackCore();
        }
    }

    private async ValueTask<ConnectorLockFeedback> ActuateAsync(bool locked, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            commandedLocked = locked;
        }

        await Task.Delay(Options.ActuationTime, timeProvider, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            if (!jammed && commandedLocked == locked)
            {
                pinLocked = locked;
            }

            return FeedbackCore();
        }
    }

    private ConnectorLockFeedback FeedbackCore() =>
        !Options.HasFeedback ? ConnectorLockFeedback.NotAvailable
        : pinLocked ? ConnectorLockFeedback.Locked
        : ConnectorLockFeedback.Unlocked;
}
