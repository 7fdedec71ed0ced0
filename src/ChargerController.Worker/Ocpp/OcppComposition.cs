using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.Authorization;
using ChargerController.Station.Availability;
using ChargerController.Station.Composition;
using ChargerController.Station.CustomerInformation;
using ChargerController.Station.Diagnostics.DataCollector;
using ChargerController.Station.Diagnostics.LogUpload;
using ChargerController.Station.DisplayMessages;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Firmware;
using ChargerController.Station.MeterValues;
using ChargerController.Station.Monitoring;
using ChargerController.Station.Payment;
using ChargerController.Station.Provisioning.NetworkProfiles;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Reservations;
using ChargerController.Station.Runtime;
using ChargerController.Station.Security;
using ChargerController.Station.Sessions;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.Tariffs;
using ChargerController.Station.Transactions;
using ChargerController.Storage.Authorization;
using ChargerController.Storage.Certificates;
using ChargerController.Storage.DeviceModel;
using ChargerController.Storage.DisplayMessages;
using ChargerController.Storage.Monitoring;
using ChargerController.Storage.Payment;
using ChargerController.Storage.Queue;
using ChargerController.Storage.Reservations;
using ChargerController.Storage.Tariffs;
using ChargerController.Storage.SmartCharging;
using ChargerController.Storage.Transactions;
using ChargerController.Storage;
using ChargerController.Worker.Configuration;
using ChargerController.Worker.Station;
using ChargerController.Worker.ControlSocket;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ControlStatus = ChargerController.Station.Control;

namespace ChargerController.Worker.Ocpp;

/// <summary>
/// The OCPP half of chargerd: the station database in the state directory (device-model values, the durable outbound
/// queue), the CSMS transport, the runtime with its functional blocks, and the adapters the control socket reads.
/// </summary>
internal static class OcppComposition
{
    public static void Add(IServiceCollection services, ChargerdOptions options, string configFile, CsmsEndpoint endpoint, IReadOnlyDictionary<string, string> deviceModelValues, string version, SmartChargingOptions? smartCharging = null)
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

        // Reset of one EVSE (B11.FR.08): its control loop starts afresh; the session coordinator is looked up at reset
        // time, not when the runtime is built (it depends on the authorization block, which depends on the runtime).
        services.AddSingleton<IEvseResetPort>(sp => new EvseControllerResetPort(
            sp.GetRequiredService<IReadOnlyList<EvseController>>(),
            sp.GetRequiredService<TimeProvider>(),
            evseId => sp.GetRequiredService<SessionCoordinator>().Stop(evseId, SessionEndReason.Reset)));
        services.AddSingleton(sp => new StationRuntimeOptions { BootReason = HostResetPort.TakeBootReason(sp.GetRequiredService<StationDeviceModel>()) });

        AddFunctionalBlocks(services, options, endpoint, smartCharging);

        var identity = new StationIdentity
        {
            Identity = options.StationId,
            SecurityProfile = (int)endpoint.Profile,
            EvseCount = options.Evses,
            FirmwareVersion = version,
            SerialNumber = options.SerialNumber,

            // The simulated meters sign their readings; none of the Modbus meter profiles can (docs/SIGNED-METER-VALUES.md).
            SignedMeterValues = options.Simulate,
            CustomTriggers = options.Simulate ? [SignedMeterValuesTrigger.Name] : [],
        };
        services.AddChargingStation(identity, sp => CreateTransport(sp, options, endpoint), SimulatedPaymentDefaults(StandaloneDefaults(deviceModelValues, endpoint), options));
        services.AddSingleton<ControlStatus.IOcppStatusSource>(sp => new ControlStatus.RuntimeOcppStatusSource(
            sp.GetRequiredService<StationRuntime>(), sp.GetRequiredService<IOutboundQueue>()));
        services.AddSingleton(sp => new ControlStatus.StationConfigurationService(
            sp.GetRequiredService<StationDeviceModel>(), LocalSettings.Describe(options, configFile), configFile));
        services.AddSingleton<IControlCommandModule, ConfigCommands>();
        services.AddSingleton<IControlCommandModule, QueueCommands>();
        services.AddSingleton<IControlCommandModule, DiagnosticsCommands>();
        services.AddSingleton<IControlCommandModule>(sp => new EvseResetCommands(
            sp.GetService<IEvseResetPort>(),
            sp.GetRequiredService<IStationTransactions>(),
            sp.GetRequiredService<IReadOnlyList<EvseController>>(),
            sp.GetRequiredService<SessionCoordinator>(),
            sp.GetRequiredService<StationRuntime>()));
        services.AddSingleton<IControlCommandModule>(sp => new AuthCommands(sp.GetService<ControlStatus.ILocalAuthListAdmin>()));
    }

    /// <summary>
    /// The functional blocks, each registered through its own extension; the runtime attaches their modules in this
    /// order. Authorization and reservations come before transactions, which take them (TryAdd defaults otherwise);
    /// smart charging follows the transactions. Every block keeps its state in the station database.
    /// </summary>
    private static void AddFunctionalBlocks(IServiceCollection services, ChargerdOptions options, CsmsEndpoint endpoint, SmartChargingOptions? smartCharging)
    {
        services.AddSqliteAuthorizationStores();
        services.AddStationAuthorization();

        // O01.FR.08 / C01.FR.08: the display follows the driver's language1/language2 from the authorization.
        services.AddDriverLanguages();
        services.AddSingleton<ControlStatus.ILocalAuthListAdmin>(sp => new LocalAuthListAdmin(sp.GetRequiredService<AuthorizationService>()));
        services.AddReservations(sp => new SqliteReservationStore(sp.GetRequiredService<StationDatabase>()));

        // Reservations follow the transactions and the transactions consult the reservations: the gate is resolved late.
        services.Replace(ServiceDescriptor.Singleton<IReservationGate>(sp => new DeferredReservationGate(sp)));
        services.AddSingleton<ITransactionJournal>(sp => new SqliteTransactionJournal(sp.GetRequiredService<StationDatabase>()));
        // E17.FR.21/22: a transaction the previous run left open ends PowerLoss after a machine boot, Reboot after a
        // restart of the process alone (crash, watchdog).
        services.AddTransactions(new TransactionManagerOptions { RestartReason = RestartCause.Classify(options.StateDir, RestartCause.ReadLinuxBootId) });
        services.AddSingleton<IChargingProfileStore>(sp => new SqliteChargingProfileStore(sp.GetRequiredService<StationDatabase>()));
        // Section SmartCharging (SmartChargingConfiguration): EVSE and station ratings, the grid meter under the site fuse.
        services.AddSmartCharging(smartCharging ?? new SmartChargingOptions
        {
            Evses = [.. Enumerable.Range(1, options.Evses).Select(id => new SmartChargingEvseOptions { EvseId = id })],
        });
        services.AddSingleton<IMonitorStore>(sp => new SqliteMonitorStore(sp.GetRequiredService<StationDatabase>()));
        services.AddMonitoring();
        services.AddCustomerInformation();
        services.AddDisplayMessages(sp => new SqliteDisplayMessageStore(sp.GetRequiredService<StationDatabase>()));

        // Block I: after authorization and transactions (it wraps the authorizer and adds cost to TransactionEvents).
        services.AddSingleton<ITariffStore>(sp => new SqliteTariffStore(sp.GetRequiredService<StationDatabase>()));
        services.AddTariffs();
        services.AddSingleton<ICertificateStore>(_ => new FileCertificateStore(Path.Combine(options.StateDir, "certificates")));
        services.AddSecurity();
        AddLogUpload(services, options);

        // F06.FR.18 custom trigger "SignedMeterValues" (listed in the identity's CustomTriggers when the meters sign).
        services.AddSignedMeterValuesTrigger();

        // Firmware update (L01/L02): downloads and the activation record live in the state directory, releases beside the
        // running version under FirmwareInstallDir. --simulate never replaces the binary it runs from.
        if (options.Simulate)
        {
            services.AddSingleton<IFirmwareInstaller>(sp => new SimulatedFirmwareInstaller(sp.GetRequiredService<ILoggerFactory>()));
        }

        services.AddFirmwareUpdate(
            new FirmwareUpdateOptions { DownloadDirectory = Path.Combine(options.StateDir, "firmware") },
            new ArchiveInstallerOptions
            {
                ReleasesDirectory = Path.Combine(options.FirmwareInstallDir, "releases"),
                CurrentLink = Path.Combine(options.FirmwareInstallDir, "current"),
                ActivationFile = Path.Combine(options.StateDir, "firmware-activation"),
                PackagesDirectory = Path.Combine(options.StateDir, "packages"),
            });
        // Ad hoc payment (C17-C25): a maker's IPaymentTerminal, or in --simulate the simulated one (chargerctl sim pay).
        // Without a terminal the block still serves the QR code (WebPaymentsCtrlr) and NotifyWebPaymentStarted.
        // Payments not settled yet are kept in the station database (a reboot before settlement loses nothing).
        services.AddSingleton<IPaymentStore>(sp => new SqlitePaymentStore(sp.GetRequiredService<StationDatabase>()));
        if (options.Simulate)
        {
            services.AddSingleton<SimulatedPaymentTerminal>();
            services.AddPayment(sp => sp.GetRequiredService<SimulatedPaymentTerminal>());
        }
        else
        {
            services.AddPayment();
        }

        if (endpoint.Url is not null)
        {
            services.AddNetworkProfiles(new NetworkProfileOptions { CsmsUrl = endpoint.Url, SecurityProfile = endpoint.Profile });
        }
    }

    /// <summary>
    /// GetLog (N01): the diagnostics log is the service's journal (only under systemd: elsewhere there is none of this
    /// process to upload, and DiagnosticsLog is answered Rejected); the security log is the station's own record of every
    /// security event, kept in the state directory.
    /// </summary>
    private static void AddLogUpload(IServiceCollection services, ChargerdOptions options)
    {
        var securityLog = new SecurityEventLogFile(Path.Combine(options.StateDir, "logs", "security.log"));
        if (Logging.JournalLogging.IsJournal(Environment.GetEnvironmentVariable))
        {
            services.AddSingleton<ILogSource>(_ => new JournalLogSource());
        }

        services.AddSingleton<ILogSource>(_ => new FileLogSource(new Dictionary<LogEnumType, string> { [LogEnumType.SecurityLog] = securityLog.Path }));
        services.AddLogUpload(new LogUploadOptions { SecurityLog = securityLog });

        // DataCollectorLog (N01.FR.24): the EVSE meters sampled while DataCollector.Enabled (off by default).
        services.AddDataCollectorLog();
    }

    /// <summary>
    /// Without a CSMS the station is standalone (a home charger): there is nobody to ask about an unknown card, so
    /// unless the configuration says otherwise it is accepted offline (C15 OfflineTxForUnknownIdEnabled); a local list
    /// (<c>chargerctl auth add</c>) still blocks what it lists.
    /// </summary>
    private static IReadOnlyDictionary<string, string> StandaloneDefaults(IReadOnlyDictionary<string, string> configured, CsmsEndpoint endpoint)
    {
        var key = VariableKey.Of("AuthCtrlr", "OfflineTxForUnknownIdEnabled").ToStorageKey();
        if (endpoint.Url is not null || configured.ContainsKey(key))
        {
            return configured;
        }

        return new Dictionary<string, string>(configured, StringComparer.Ordinal) { [key] = "true" };
    }

    /// <summary>
    /// In --simulate the simulated payment terminal is armed (PaymentCtrlr.Enabled true) unless the configuration says
    /// otherwise, so <c>chargerctl sim pay</c> works out of the box; a real station keeps payment off by default.
    /// </summary>
    private static IReadOnlyDictionary<string, string> SimulatedPaymentDefaults(IReadOnlyDictionary<string, string> configured, ChargerdOptions options)
    {
        var key = VariableKey.Of(DeviceModelCatalog.PaymentCtrlr, "Enabled").ToStorageKey();
        if (!options.Simulate || configured.ContainsKey(key))
        {
            return configured;
        }

        return new Dictionary<string, string>(configured, StringComparer.Ordinal) { [key] = "true" };
    }

    private static IOcppTransport CreateTransport(IServiceProvider sp, ChargerdOptions options, CsmsEndpoint endpoint)
    {
        if (endpoint.Url is null)
        {
            return new NoCsmsTransport();
        }

        // Part 4 §5.4/§8: the reconnect back-off and the ping period are device-model variables (OCPPCommCtrlr), read when
        // the transport is built, i.e. at start-up: a value set later (SetVariables, chargerctl config set) applies from
        // the next start of chargerd.
        var model = sp.GetRequiredService<StationDeviceModel>();
        var comm = DeviceModelCatalog.OcppCommCtrlr;
        return new WebSocketOcppTransport(
            new WebSocketTransportOptions
            {
                RetryBackOffWaitMinimum = TimeSpan.FromSeconds(model.GetInt(comm, "RetryBackOffWaitMinimum", 10)),
                RetryBackOffRandomRange = TimeSpan.FromSeconds(model.GetInt(comm, "RetryBackOffRandomRange", 10)),
                RetryBackOffRepeatTimes = model.GetInt(comm, "RetryBackOffRepeatTimes", 5),
                WebSocketPingInterval = TimeSpan.FromSeconds(model.GetInt(comm, "WebSocketPingInterval", 30)),
                CsmsUrl = endpoint.Url,
                StationId = options.StationId,
                SecurityProfile = endpoint.Profile,
                BasicAuthPassword = endpoint.Password,
                CsmsRootCertificates = endpoint.RootCertificates,
                ConnectionTargets = sp.GetService<IConnectionTargetProvider>(),
            },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<WebSocketOcppTransport>());
    }
}
