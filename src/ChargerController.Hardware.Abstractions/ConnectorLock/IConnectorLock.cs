namespace ChargerController.Hardware.Abstractions.ConnectorLock;

/// <summary>
/// The connector lock of a socket outlet (motor or solenoid actuator, optional feedback switch). The station must
/// not energise while the lock is required but not confirmed (OCPP ConnectorLockFailure).
/// </summary>
public interface IConnectorLock
{
    /// <summary>Whether a feedback switch is wired.</summary>
    bool HasFeedback { get; }

    /// <summary>Whether the lock is commanded locked.</summary>
    bool IsCommandedLocked { get; }

    /// <summary>Drives the actuator to lock, waits its actuation time and reads the feedback.</summary>
    /// <param name="cancellationToken">Cancels the wait; the actuator drive is still switched off.</param>
    /// <returns>The feedback after actuation: anything but <see cref="ConnectorLockFeedback.Locked"/> (or <see cref="ConnectorLockFeedback.NotAvailable"/> without a switch) is a lock failure.</returns>
    ValueTask<ConnectorLockFeedback> LockAsync(CancellationToken cancellationToken);

    /// <summary>Drives the actuator to unlock, waits its actuation time and reads the feedback.</summary>
    /// <param name="cancellationToken">Cancels the wait; the actuator drive is still switched off.</param>
    /// <returns>The feedback after actuation: anything but <see cref="ConnectorLockFeedback.Unlocked"/> (or <see cref="ConnectorLockFeedback.NotAvailable"/>) is an unlock failure.</returns>
    ValueTask<ConnectorLockFeedback> UnlockAsync(CancellationToken cancellationToken);

    /// <summary>Reads the feedback switch now (for supervision during the session).</summary>
    /// <returns>The position.</returns>
    ConnectorLockFeedback ReadFeedback();
}
