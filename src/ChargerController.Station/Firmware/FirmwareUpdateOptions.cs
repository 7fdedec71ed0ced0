namespace ChargerController.Station.Firmware;

/// <summary>Settings of the firmware update block (L01/L02).</summary>
public sealed record FirmwareUpdateOptions
{
    /// <summary>Gets the directory downloads are written to (under the state directory in chargerd).</summary>
    public required string DownloadDirectory { get; init; }

    /// <summary>Gets the retries when UpdateFirmware has no <c>retries</c> field (the station's own choice, L01 step 1).</summary>
    public int DefaultRetries { get; init; } = 2;

    /// <summary>Gets the wait between download attempts when UpdateFirmware has no <c>retryInterval</c>.</summary>
    public TimeSpan DefaultRetryInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the longest one download attempt may take before it counts as failed.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets the largest image accepted (a Pi's SD card is not infinite; a chargerd archive is tens of MB).</summary>
    public long MaxImageBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Gets whether an UpdateFirmware without signingCertificate and signature is installed (L02 non-secure update).
    /// Off by default: the OCA Core profile requires the secure update and TC_L_18 expects the unsigned request refused.
    /// </summary>
    public bool AllowUnsignedFirmware { get; init; }

    /// <summary>
    /// Gets whether a new UpdateFirmware cancels a running update that has not started installing (L01.FR.24,
    /// <c>AcceptedCanceled</c>); when false every new request during an update is <c>Rejected</c> (L01.FR.27).
    /// </summary>
    public bool CancelOnNewRequest { get; init; } = true;

    /// <summary>
    /// Gets whether the image is downloaded while transactions run (default). A station on a metered or slow uplink sets
    /// it false: the download then waits for every transaction to end (<c>DownloadScheduled</c>, L01.FR.13), with idle
    /// EVSEs Unavailable meanwhile unless AllowNewSessionsPendingFirmwareUpdate (L01.FR.07).
    /// </summary>
    public bool DownloadDuringTransaction { get; init; } = true;

    /// <summary>
    /// Gets how long a newly activated firmware has to reach an accepted BootNotification before it is rolled back to
    /// the previous one.
    /// </summary>
    public TimeSpan TrialBootTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
