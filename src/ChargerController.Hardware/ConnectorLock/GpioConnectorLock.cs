using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.ConnectorLock;

/// <summary>
/// A connector lock on GPIO: a motor actuator pulsed through an H-bridge (lock/unlock outputs) or a held solenoid, and
/// an optional feedback switch (input active = locked). The drive is always switched off after a pulse, also when the
/// wait is cancelled, so a motor is never left stalled.
/// </summary>
public sealed class GpioConnectorLock : IConnectorLock, IDisposable
{
    private readonly IDigitalOutput lockOutput;
    private readonly IDigitalOutput? unlockOutput;
    private readonly IDigitalInput? feedback;
    private readonly GpioConnectorLockOptions options;
    private readonly TimeProvider timeProvider;
    private readonly bool ownsPorts;
    private readonly SemaphoreSlim actuation = new(1, 1);

    /// <summary>Creates the driver with the drive off.</summary>
    /// <param name="lockOutput">Lock pulse output (Pulse) or solenoid output (Hold).</param>
    /// <param name="unlockOutput">Unlock pulse output; required for <see cref="ConnectorLockDrive.Pulse"/>.</param>
    /// <param name="feedback">Feedback switch (active = locked), or <see langword="null"/>.</param>
    /// <param name="options">Drive style and timing.</param>
    /// <param name="timeProvider">Clock for the pulse.</param>
    /// <param name="ownsPorts">Whether disposing the driver disposes the ports.</param>
    public GpioConnectorLock(IDigitalOutput lockOutput, IDigitalOutput? unlockOutput, IDigitalInput? feedback, GpioConnectorLockOptions options, TimeProvider timeProvider, bool ownsPorts = true)
    {
        ArgumentNullException.ThrowIfNull(lockOutput);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.Drive == ConnectorLockDrive.Pulse && unlockOutput is null)
        {
            throw new ArgumentException("A pulsed (motor) lock needs an unlock output.", nameof(unlockOutput));
        }

        this.lockOutput = lockOutput;
        this.unlockOutput = unlockOutput;
        this.feedback = feedback;
        this.options = options;
        this.timeProvider = timeProvider;
        this.ownsPorts = ownsPorts;
        lockOutput.Write(false);
        unlockOutput?.Write(false);
    }

    /// <inheritdoc />
    public bool HasFeedback => feedback is not null;

    /// <inheritdoc />
    public bool IsCommandedLocked { get; private set; }

    /// <inheritdoc />
    public ValueTask<ConnectorLockFeedback> LockAsync(CancellationToken cancellationToken) => ActuateAsync(true, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ConnectorLockFeedback> UnlockAsync(CancellationToken cancellationToken) => ActuateAsync(false, cancellationToken);

    /// <inheritdoc />
    public ConnectorLockFeedback ReadFeedback() =>
        feedback is null ? ConnectorLockFeedback.NotAvailable
        : feedback.Read() ? ConnectorLockFeedback.Locked
        : ConnectorLockFeedback.Unlocked;

    /// <inheritdoc />
    public void Dispose()
    {
        lockOutput.Write(false);
        unlockOutput?.Write(false);
        if (ownsPorts)
        {
            lockOutput.Dispose();
            unlockOutput?.Dispose();
            feedback?.Dispose();
        }

        actuation.Dispose();
    }

    private async ValueTask<ConnectorLockFeedback> ActuateAsync(bool locked, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await actuation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IsCommandedLocked = locked;
            if (options.Drive == ConnectorLockDrive.Hold)
            {
                lockOutput.Write(locked);
                await Task.Delay(options.ActuationTime, timeProvider, cancellationToken).ConfigureAwait(false);
                return ReadFeedback();
            }

            // Never both H-bridge inputs at once (shoot-through).
            var drive = locked ? lockOutput : unlockOutput!;
            (locked ? unlockOutput! : lockOutput).Write(false);
            drive.Write(true);
            try
            {
                await Task.Delay(options.ActuationTime, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                drive.Write(false);
            }

            return ReadFeedback();
        }
        finally
        {
            actuation.Release();
        }
    }
}
