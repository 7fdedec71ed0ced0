using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Firmware;

/// <summary>
/// The installer of <c>chargerd --simulate</c>: it checks the image is not empty and reports it installed and active
/// without touching the machine (a simulator must never replace the binary it runs from).
/// </summary>
public sealed class SimulatedFirmwareInstaller : IFirmwareInstaller
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="SimulatedFirmwareInstaller"/> class.</summary>
    /// <param name="loggerFactory">Loggers.</param>
    public SimulatedFirmwareInstaller(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _logger = loggerFactory.CreateLogger<SimulatedFirmwareInstaller>();
    }

    /// <inheritdoc/>
    public bool CanInstallDuringTransaction => true;

    /// <inheritdoc/>
    public Task<FirmwareInstallOutcome> InstallAsync(string imagePath, int requestId, CancellationToken cancellationToken)
    {
        var length = new FileInfo(imagePath).Length;
        FirmwareLog.SimulatedInstall(_logger, requestId, length);
        return Task.FromResult(length > 0 ? FirmwareInstallOutcome.Installed : FirmwareInstallOutcome.VerificationFailed);
    }

    /// <inheritdoc/>
    public FirmwareActivation BeginTrialBoot() => FirmwareActivation.Activated;

    /// <inheritdoc/>
    public Task ConfirmAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<bool> RollBackAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
