using ChargerController.Hardware.ConnectorLock;

namespace ChargerController.Hardware.Board;

/// <summary>Connector lock actuator (socket outlets only).</summary>
public sealed class ConnectorLockOptions
{
    /// <summary>Motor (pulse) or solenoid (hold).</summary>
    public ConnectorLockDrive Drive { get; set; }

    /// <summary>Lock output (pulse) or solenoid output (hold).</summary>
    public GpioLineOptions? Lock { get; set; }

    /// <summary>Unlock output (pulse drive).</summary>
    public GpioLineOptions? Unlock { get; set; }

    /// <summary>Feedback switch (active = locked).</summary>
    public GpioLineOptions? Feedback { get; set; }

    /// <summary>Pulse length / settle time, milliseconds (50–5000).</summary>
    public int ActuationTimeMs { get; set; } = 300;
}
