namespace ChargerController.Station.Firmware;

/// <summary>
/// The pluggable installation step of a firmware update (L01 steps 5-6). It gets an image whose signature was already
/// verified; it installs it beside the running firmware so the running one stays untouched until activation, and it keeps
/// the previous firmware to roll back to: a new firmware must reach an accepted BootNotification (<see cref="ConfirmAsync"/>),
/// otherwise the previous one is restored. A hardware maker with an A/B image updater implements this interface
/// (docs/FIRMWARE-UPDATE.md).
/// </summary>
public interface IFirmwareInstaller
{
    /// <summary>
    /// Gets whether the image can be installed while a transaction runs. When false the station waits for every
    /// transaction to end before it starts installing (L01.FR.06); activation always waits (L01.FR.33).
    /// </summary>
    bool CanInstallDuringTransaction { get; }

    /// <summary>Installs the verified image without disturbing the running firmware.</summary>
    /// <param name="imagePath">The downloaded, signature-checked file.</param>
    /// <param name="requestId">The UpdateFirmware requestId (names the installed version).</param>
    /// <param name="cancellationToken">Cancels (the station shuts down).</param>
    /// <returns>The outcome.</returns>
    Task<FirmwareInstallOutcome> InstallAsync(string imagePath, int requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Called once at start-up when the previous run restarted to activate a new firmware: counts a trial boot and says
    /// which firmware runs. After too many trial boots without <see cref="ConfirmAsync"/> it switches back to the previous
    /// firmware (<see cref="FirmwareActivation.RollBackPending"/>).
    /// </summary>
    /// <returns>What runs.</returns>
    FirmwareActivation BeginTrialBoot();

    /// <summary>Marks the running firmware good: the CSMS accepted its BootNotification. The previous one stays as the roll-back target of the next update.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    Task ConfirmAsync(CancellationToken cancellationToken);

    /// <summary>Switches back to the previous firmware (the new one did not reach an accepted boot in time); a restart activates it.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Whether there was a previous firmware to switch back to.</returns>
    Task<bool> RollBackAsync(CancellationToken cancellationToken);
}
