namespace ChargerController.Hardware.Abstractions.ConnectorLock;

/// <summary>The lock position as reported by its feedback switch.</summary>
public enum ConnectorLockFeedback
{
    /// <summary>No feedback switch wired: the position is unknown.</summary>
    NotAvailable = 0,

    /// <summary>The lock pin is retracted: the plug can be removed.</summary>
    Unlocked,

    /// <summary>The lock pin is engaged: the plug is held.</summary>
    Locked,
}
