namespace ChargerController.Station.Firmware;

/// <summary>What the installer found at start-up after a restart into a newly installed firmware.</summary>
public enum FirmwareActivation
{
    /// <summary>The new firmware runs (on trial until the CSMS accepted its BootNotification).</summary>
    Activated,

    /// <summary>The previous firmware runs again: the new one never reached an accepted boot and was rolled back.</summary>
    RolledBack,

    /// <summary>The trial boots are used up: the installer switched back to the previous firmware, which needs a restart.</summary>
    RollBackPending,
}
