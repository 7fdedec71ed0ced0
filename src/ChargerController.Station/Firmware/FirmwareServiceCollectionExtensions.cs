using System.Net.Security;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Provisioning.NetworkProfiles;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;
using ChargerController.Station.Security;
using ChargerController.Station.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Firmware;

/// <summary>Registers the firmware update block (L01/L02).</summary>
public static class FirmwareServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FirmwareUpdateManager"/> as an <see cref="IStationModule"/> and the
    /// <see cref="ITriggeredMessageSource"/> of FirmwareStatusNotification. Needs an <see cref="IResetPort"/> and an
    /// <see cref="ICertificateStore"/> (AddSecurity registers one); register an <see cref="IFirmwareInstaller"/> first to
    /// replace the default <see cref="ArchiveFirmwareInstaller"/> (e.g. <see cref="SimulatedFirmwareInstaller"/> or a
    /// hardware maker's A/B image updater).
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="options">Download directory and policies.</param>
    /// <param name="installer">Paths of the default installer; null = the defaults under /opt/chargercontroller.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFirmwareUpdate(this IServiceCollection services, FirmwareUpdateOptions options, ArchiveInstallerOptions? installer = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStationTransactions, NoStationTransactions>();
        services.TryAddSingleton<ICertificateStore, InMemoryCertificateStore>();
        services.TryAddSingleton<IFirmwareInstaller>(sp => new ArchiveFirmwareInstaller(installer ?? new ArchiveInstallerOptions(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IFirmwareDownloader>(sp =>
        {
            // HTTPS and FTPS firmware servers are trusted like log servers: OS CAs or the installed CSMS roots (TransferServerValidator).
            var tls = sp.GetService<ITlsCredentialSource>();
            var validator = new TransferServerValidator(tls is null ? null : tls.GetCsmsRootCertificates);
            var handler = new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = validator.Validate } };
            return new SchemeFirmwareDownloader(
                new HttpFirmwareDownloader(new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan }, options.MaxImageBytes),
                new FtpFirmwareDownloader(options.MaxImageBytes, validator));
        });
        services.AddSingleton(sp => new FirmwareUpdateManager(
            sp.GetRequiredService<IFirmwareDownloader>(),
            sp.GetRequiredService<IFirmwareInstaller>(),
            sp.GetRequiredService<ICertificateStore>(),
            sp.GetRequiredService<IStationTransactions>(),
            sp.GetRequiredService<IResetPort>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<FirmwareUpdateManager>());
        services.AddSingleton<ITriggeredMessageSource>(sp => sp.GetRequiredService<FirmwareUpdateManager>());
        return services;
    }
}
