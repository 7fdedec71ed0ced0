namespace ChargerController.Station.Firmware;

/// <summary>The persisted phase of a firmware update (<see cref="FirmwareStateStore"/>).</summary>
internal enum FirmwarePhase
{
    /// <summary>No update pending.</summary>
    None,

    /// <summary>An update runs in this process; found at start-up it means the process died during it.</summary>
    Running,

    /// <summary>The station restarted to activate the installed firmware (InstallRebooting was sent).</summary>
    Activating,
}
