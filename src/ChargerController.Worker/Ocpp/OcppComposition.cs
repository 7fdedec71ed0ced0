using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.Availability;
using ChargerController.Station.Composition;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Runtime;
using ChargerController.Storage;
using ChargerController.Storage.DeviceModel;
using ChargerController.Storage.Queue;
using ChargerController.Worker.Configuration;
using ChargerController.Worker.ControlSocket;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ControlStatus = ChargerController.Station.Control;

namespace ChargerController.Worker.Ocpp;

/// <summary>
/// The OCPP half of chargerd: the station database in the state directory (device-model values, the durable outbound
/// queue), the CSMS transport, the runtime with its functional blocks, and the adapters the control socket reads.
/// </summary>
internal static class OcppComposition
{
    public static void Add(IServiceCollection services, ChargerdOptions options, string configFile, CsmsEndpoint endpoint, IReadOnlyDictionary<string, string> deviceModelValues, string version)
    {
        services.AddSingleton(_ =>
        {
            Directory.CreateDirectory(options.StateDir);
            return new StationDatabase(Path.Combine(options.StateDir, StationDatabase.FileName));
        });
        services.AddSingleton<IDeviceModelStore>(sp => new SqliteDeviceModelStore(sp.GetRequiredService<StationDatabase>()));
        services.AddSingleton(sp => new SqliteOutboundQueue(
            sp.GetRequiredService<StationDatabase>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteOutboundQueue>()));
        services.AddSingleton<IOutboundQueue>(sp => sp.GetRequiredService<SqliteOutboundQueue>());
        services.AddSingleton<IConnectorStatusSource>(sp => new EvseConnectorStatusSource(sp.GetRequiredService<IReadOnlyList<EvseController>>()));
        services.AddSingleton<ExitRequest>();
        services.AddSingleton<IResetPort, HostResetPort>();
        services.AddSingleton(sp => new StationRuntimeOptions { BootReason = HostResetPort.TakeBootReason(sp.GetRequiredService<StationDeviceModel>()) });

        AddFunctionalBlocks(services);

        var identity = new StationIdentity
        {
            Identity = options.StationId,
            SecurityProfile = (int)endpoint.Profile,
            EvseCount = options.Evses,
            FirmwareVersion = version,
            SerialNumber = options.SerialNumber,
        };
        services.AddChargingStation(identity, sp => CreateTransport(sp, options, endpoint), deviceModelValues);
        services.AddSingleton<ControlStatus.IOcppStatusSource>(sp => new ControlStatus.RuntimeOcppStatusSource(
            sp.GetRequiredService<StationRuntime>(), sp.GetRequiredService<IOutboundQueue>()));
        services.AddSingleton(sp => new ControlStatus.StationConfigurationService(
            sp.GetRequiredService<StationDeviceModel>(), LocalSettings.Describe(options, configFile), configFile));
        services.AddSingleton<IControlCommandModule, ConfigCommands>();
        services.AddSingleton<IControlCommandModule, QueueCommands>();
        services.AddSingleton<IControlCommandModule, DiagnosticsCommands>();
        services.AddSingleton<IControlCommandModule>(sp => new AuthCommands(sp.GetService<ControlStatus.ILocalAuthListAdmin>()));
    }

    /// <summary>
    /// INTEGRATION POINT: the functional blocks. Each block registers its <see cref="IStationModule"/> (and any
    /// <see cref="ChargerController.Station.RemoteControl.ITriggeredMessageSource"/>, <see cref="IStationTransactions"/>)
    /// through its own extension; the runtime attaches them in this order. Add the calls here when merging, e.g.
    /// <c>services.AddAuthorization(); services.AddTransactions(); services.AddReservations(); services.AddSmartCharging();</c>
    /// and bind <see cref="ChargerController.Station.Control.ILocalAuthListAdmin"/> to the authorization block's local list.
    /// </summary>
    private static void AddFunctionalBlocks(IServiceCollection services)
    {
        // (none yet on this branch)
        _ = services;
    }

    private static IOcppTransport CreateTransport(IServiceProvider sp, ChargerdOptions options, CsmsEndpoint endpoint)
    {
        if (endpoint.Url is null)
        {
            return new NoCsmsTransport();
        }

        return new WebSocketOcppTransport(
            new WebSocketTransportOptions
            {
                CsmsUrl = endpoint.Url,
                StationId = options.StationId,
                SecurityProfile = endpoint.Profile,
                BasicAuthPassword = endpoint.Password,
                CsmsRootCertificates = endpoint.RootCertificates,
            },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<WebSocketOcppTransport>());
    }
}
