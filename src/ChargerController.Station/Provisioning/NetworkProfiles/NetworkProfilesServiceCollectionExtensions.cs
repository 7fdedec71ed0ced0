using ChargerController.Ocpp.Transport;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>Registers the network connection profiles block (B09/B10, A01 live password, A04 connection security events).</summary>
public static class NetworkProfilesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NetworkProfileManager"/> as an <see cref="IStationModule"/> and as the
    /// <see cref="IConnectionTargetProvider"/>. The transport factory given to <c>AddChargingStation</c> must put it in
    /// <see cref="WebSocketTransportOptions.ConnectionTargets"/> (<c>sp.GetRequiredService&lt;IConnectionTargetProvider&gt;()</c>).
    /// An <see cref="ITlsCredentialSource"/> registered before (the certificate store) wins over the configured files.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="options">The configured profile (slot 0).</param>
    /// <param name="credentials">Configured TLS credentials, used when no other <see cref="ITlsCredentialSource"/> is registered.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddNetworkProfiles(this IServiceCollection services, NetworkProfileOptions options, ConfiguredTlsCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton<ITlsCredentialSource>(credentials ?? new ConfiguredTlsCredentials());
        services.AddSingleton(sp => new NetworkProfileManager(
            sp.GetRequiredService<StationDeviceModel>(),
            options,
            sp.GetRequiredService<ITlsCredentialSource>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<NetworkProfileManager>());
        services.AddSingleton<IConnectionTargetProvider>(sp => sp.GetRequiredService<NetworkProfileManager>());
        return services;
    }
}
