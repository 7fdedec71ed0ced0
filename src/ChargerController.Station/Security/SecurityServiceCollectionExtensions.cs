using ChargerController.Station.DeviceModel;
using ChargerController.Station.Provisioning.NetworkProfiles;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Security;

/// <summary>Registers the certificate block (A02/A03, M03-M05) and makes it the TLS credential source of the network profiles.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CertificateManager"/> as an <see cref="IStationModule"/>, an <see cref="ITriggeredMessageSource"/>
    /// (SignChargingStationCertificate) and the <see cref="ITlsCredentialSource"/>. Call it before <c>AddNetworkProfiles</c>.
    /// Register an <see cref="ICertificateStore"/> first (Storage's file store under the state directory); without one
    /// certificates live in memory only.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="options">Key algorithm; null = ECDSA P-256.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSecurity(this IServiceCollection services, SecurityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICertificateStore, InMemoryCertificateStore>();
        services.AddSingleton(sp => new CertificateManager(
            sp.GetRequiredService<ICertificateStore>(),
            sp.GetRequiredService<StationDeviceModel>(),
            options ?? new SecurityOptions(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<CertificateManager>());
        services.AddSingleton<ITriggeredMessageSource>(sp => sp.GetRequiredService<CertificateManager>());
        services.AddSingleton<ITlsCredentialSource>(sp => sp.GetRequiredService<CertificateManager>());
        return services;
    }
}
