namespace ChargerController.Station.Firmware;

/// <summary>What an <see cref="IFirmwareInstaller"/> made of a verified image (L01 step 6, L01.FR.28/29/32).</summary>
public enum FirmwareInstallOutcome
{
    /// <summary>Installed and already active: the station reports <c>Installed</c> at once (L01.FR.32 b).</summary>
    Installed,

    /// <summary>Installed beside the running version; a restart activates it (<c>InstallRebooting</c>, then <c>Installed</c> from the new version, L01.FR.32 a).</summary>
    RebootRequired,

    /// <summary>The image is not something this installer can install (wrong format, missing files): <c>InstallVerificationFailed</c> (L01.FR.29).</summary>
    VerificationFailed,

    /// <summary>The installation itself failed (disk full, package manager error): <c>InstallationFailed</c>.</summary>
    Failed,
}
