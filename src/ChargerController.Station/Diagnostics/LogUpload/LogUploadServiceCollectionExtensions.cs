using ChargerController.Station.Provisioning.NetworkProfiles;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;
using ChargerController.Station.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>Registers log retrieval (N01) for the Worker.</summary>
public static class LogUploadServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LogUploadManager"/> as an <see cref="IStationModule"/> and the <see cref="ITriggeredMessageSource"/>
    /// of LogStatusNotification, with HTTP/HTTPS and passive FTP/FTPS upload (HTTPS and FTPS trusting the operating system and, when an
    /// <see cref="ITlsCredentialSource"/> is registered, the installed CSMS roots). Register the <see cref="ILogSource"/>s
    /// (the journal, <see cref="FileLogSource"/>) and any further <see cref="ILogUploader"/> first or after: all are taken.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="options">Retries, HTTP method, security log file; null = defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLogUpload(this IServiceCollection services, LogUploadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = options ?? new LogUploadOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ILogUploader>(sp =>
        {
            var tls = sp.GetService<ITlsCredentialSource>();
            return new HttpLogUploader(settings.HttpMethod, tls is null ? null : tls.GetCsmsRootCertificates);
        });
        services.AddSingleton<ILogUploader>(sp =>
        {
            var tls = sp.GetService<ITlsCredentialSource>();
            return new FtpLogUploader(new TransferServerValidator(tls is null ? null : tls.GetCsmsRootCertificates));
        });
        services.AddSingleton(sp => new LogUploadManager(
            sp.GetServices<ILogSource>(),
            sp.GetServices<ILogUploader>(),
            settings,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<LogUploadManager>());
        services.AddSingleton<ITriggeredMessageSource>(sp => sp.GetRequiredService<LogUploadManager>());
        return services;
    }
}
