using ChargerController.Hardware.Abstractions.ConnectorLock;

namespace ChargerController.Station.Tests.Fakes;

/// <summary>A socket lock whose actuation completes at once; faults: fails to engage, loses its position, throws.</summary>
public sealed class FakeConnectorLock(bool hasFeedback = true) : IConnectorLock
{
    public bool HasFeedback { get; } = hasFeedback;

    public bool IsCommandedLocked { get; private set; }

    /// <summary>The pin does not engage when commanded.</summary>
    public bool Jammed { get; set; }

    /// <summary>The pin position regardless of the command (e.g. forced open during the session).</summary>
    public ConnectorLockFeedback? ForcedPosition { get; set; }

    public Exception? ThrowOnLock { get; set; }

    public Exception? ThrowOnFeedback { get; set; }

    public int LockCount { get; private set; }

    public int UnlockCount { get; private set; }

    public ValueTask<ConnectorLockFeedback> LockAsync(CancellationToken cancellationToken)
    {
        if (ThrowOnLock is { } ex)
        {
            throw ex;
        }

        LockCount++;
        IsCommandedLocked = true;
        return ValueTask.FromResult(ReadFeedback());
    }

    public ValueTask<ConnectorLockFeedback> UnlockAsync(CancellationToken cancellationToken)
    {
        UnlockCount++;
        IsCommandedLocked = false;
        return ValueTask.FromResult(ReadFeedback());
    }

    public ConnectorLockFeedback ReadFeedback()
    {
        if (ThrowOnFeedback is { } ex)
        {
            throw ex;
        }

        if (!HasFeedback)
        {
            return ConnectorLockFeedback.NotAvailable;
        }

        return ForcedPosition ?? (IsCommandedLocked && !Jammed ? ConnectorLockFeedback.Locked : ConnectorLockFeedback.Unlocked);
    }
}
