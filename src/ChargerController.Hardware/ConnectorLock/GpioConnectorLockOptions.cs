namespace ChargerController.Hardware.ConnectorLock;

/// <summary>Settings of <see cref="GpioConnectorLock"/>.</summary>
public sealed record GpioConnectorLockOptions
{
    /// <summary>Drive style.</summary>
    public ConnectorLockDrive Drive { get; init; } = ConnectorLockDrive.Pulse;

    /// <summary>Pulse length (Pulse) or settle time (Hold) before the feedback is read. Typical motor actuators need 200–600 ms.</summary>
    public TimeSpan ActuationTime { get; init; } = TimeSpan.FromMilliseconds(300);
}
