namespace ChargerController.Hardware.ConnectorLock;

/// <summary>How the lock actuator is driven.</summary>
public enum ConnectorLockDrive
{
    /// <summary>A motor through an H-bridge: a pulse on the lock output locks, a pulse on the unlock output unlocks; the actuator holds its position unpowered.</summary>
    Pulse = 0,

    /// <summary>A solenoid (or a relay) held energised on the lock output while locked.</summary>
    Hold,
}
