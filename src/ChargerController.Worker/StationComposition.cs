using System.Reflection;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Board;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Station.Control;
using ChargerController.Station.Evse;
using ChargerController.Station.Authorization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Reservations;
using ChargerController.Station.Sessions;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Limits;
using ChargerController.Worker.Configuration;
using ChargerController.Worker.ControlSocket;
using ChargerController.Worker.Demo;
using ChargerController.Worker.Health;
using ChargerController.Worker.Ocpp;
using ChargerController.Worker.Simulation;
using ChargerController.Worker.Station;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargerController.Worker;

/// <summary>
/// Composes the station into the host: devices (simulated, or the real ones of the board profile), one
/// <see cref="EvseController"/> and loop per EVSE, the session coordinator, the OCPP runtime
/// (<see cref="OcppComposition"/>), the control-socket commands and, with <c>--demo</c>, the demonstration.
/// </summary>
internal static class StationComposition
{
    public static void Add(IServiceCollection services, ChargerdOptions options, string configFile, CsmsEndpoint endpoint, IReadOnlyDictionary<string, string> deviceModelValues, ChargerHardware? hardware, SmartChargingConfiguration? smartCharging = null)
    {
        smartCharging ??= new SmartChargingConfiguration();
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<IReadOnlyList<DeferredCurrentLimitSource>>(_ => [.. Enumerable.Range(0, options.Evses).Select(_ => new DeferredCurrentLimitSource())]);
        if (options.Simulate)
        {
            AddSimulatedDevices(services, options);
            if (smartCharging.GridMeter.Enabled)
            {
                // The site as a grid meter would see it: the configured house load plus the simulated chargers (K04 under a fuse).
                services.AddSingleton(sp => new SimulatedGridMeter(sp.GetRequiredService<SimulatedHardware>(), smartCharging.GridMeter.SimulatedHouseLoadA, sp.GetRequiredService<TimeProvider>()));
                services.AddKeyedSingleton<IEnergyMeter>(SmartChargingServiceCollectionExtensions.GridMeterKey, (sp, _) => sp.GetRequiredService<SimulatedGridMeter>());
            }
        }
        else
        {
            AddRealDevices(services, hardware ?? throw new ArgumentException("Without --simulate the real hardware must be open.", nameof(hardware)));
        }

        AddStation(services, options);
        OcppComposition.Add(services, options, configFile, endpoint, deviceModelValues, Version, smartCharging.ToOptions(options.Evses));
        if (options.Simulate)
        {
            services.AddSingleton(sp => new MasterPassPrompt(sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IControlCommandModule, SimulationCommands>();
        }

        if (options.Simulate || hardware?.RfidReader is not null)
        {
            services.AddHostedService<CardReaderService>();
        }

        if (options.Demo)
        {
            services.AddHostedService<DemoHostedService>();
        }
    }

    private static void AddSimulatedDevices(IServiceCollection services, ChargerdOptions options)
    {
        services.AddSingleton(sp => new SimulatedHardware(options.Evses, sp.GetRequiredService<TimeProvider>(), options.StateDir));
        services.AddSingleton<IRfidReader>(sp => sp.GetRequiredService<SimulatedHardware>().Reader);
        services.AddSingleton<IReadOnlyList<EvseController>>(sp =>
        {
            var hardware = sp.GetRequiredService<SimulatedHardware>();
            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILogger<EvseController>>();
            var limits = sp.GetRequiredService<IReadOnlyList<DeferredCurrentLimitSource>>();
            return [.. hardware.Evses.Select((evse, i) => new EvseController(
                new EvseDevices(evse.ControlPilot, evse.Contactor, evse.ResidualCurrentMonitor, evse.ConnectorLock, hardware.Meters[i], evse.ProximityPilot),
                new EvseOptions { EvseId = i + 1 },
                time,
                [limits[i]],
                logger))];
        });
        services.AddSingleton<IReadOnlyDictionary<int, IEnergyMeter>>(sp =>
            sp.GetRequiredService<SimulatedHardware>().Meters.Select((meter, i) => (Id: i + 1, Meter: meter)).ToDictionary(x => x.Id, x => x.Meter));
    }

    /// <summary>
    /// The one EVSE of a board profile (ChargerdOptionsValidator keeps Chargerd:Evses at 1 without --simulate). The
    /// hardware is opened and disposed by ChargerdHost, outside the container, so its outputs go safe after the host stops.
    /// </summary>
    private static void AddRealDevices(IServiceCollection services, ChargerHardware hardware)
    {
        if (hardware.RfidReader is { } reader)
        {
            services.AddSingleton(reader);
        }

        services.AddSingleton<IReadOnlyList<EvseController>>(sp =>
        {
            var board = hardware.Board;
            return [new EvseController(
                new EvseDevices(board.ControlPilot, board.Contactor, board.ResidualCurrentMonitor, board.ConnectorLock, hardware.Meter, board.ProximityPilot),
                new EvseOptions { EvseId = 1 },
                sp.GetRequiredService<TimeProvider>(),
                [sp.GetRequiredService<IReadOnlyList<DeferredCurrentLimitSource>>()[0]],
                sp.GetRequiredService<ILogger<EvseController>>())];
        });
        services.AddSingleton<IReadOnlyDictionary<int, IEnergyMeter>>(
            hardware.Meter is { } meter ? new Dictionary<int, IEnergyMeter> { [1] = meter } : new Dictionary<int, IEnergyMeter>());
    }

    private static void AddStation(IServiceCollection services, ChargerdOptions options)
    {
        // Sessions authorize through the OCPP authorization block (local list, cache, Authorize, offline rules) and
        // respect reservations; both are registered by OcppComposition.
        services.AddSingleton(sp =>
        {
            var model = sp.GetRequiredService<StationDeviceModel>();
            return new SessionCoordinatorOptions
            {
                FreeVend = options.FreeVend,
                MasterPassGroupId = () => model.GetValue(VariableKey.Of("AuthCtrlr", "MasterPassGroupId")),

                // C16.FR.01: the simulated station has a Master Pass UI, answered with chargerctl sim masterpass.
                MasterPassUi = sp.GetService<MasterPassPrompt>(),
            };
        });
        services.AddSingleton(sp => new SessionCoordinator(
            sp.GetRequiredService<IReadOnlyList<EvseController>>(),
            sp.GetRequiredService<IReadOnlyDictionary<int, IEnergyMeter>>(),
            sp.GetRequiredService<IIdTokenAuthorizer>(),
            sp.GetRequiredService<SessionCoordinatorOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            StartGate(sp),
            sp.GetRequiredService<ILogger<SessionCoordinator>>()));
        services.AddSingleton(sp => new StationControlService(
            sp.GetRequiredService<IReadOnlyList<EvseController>>(),
            sp.GetRequiredService<IReadOnlyDictionary<int, IEnergyMeter>>(),
            sp.GetRequiredService<SessionCoordinator>(),
            sp.GetRequiredService<IOcppStatusSource>(),
            new StationControlOptions(options.Simulate, Version),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ChargerController.Station.Runtime.IStationTransactions>(),
            sp.GetService<ChargerController.Station.DisplayMessages.CurrentDisplayMessage>(),
            sp.GetService<ChargerController.Station.Tariffs.ITransactionCostSource>()));
        services.AddSingleton<IControlCommandModule, StationControlCommands>();

        // Before the EVSE loops: their smart-charging limit must be bound when they start.
        services.AddHostedService(sp => new SmartChargingBindingService(
            sp.GetRequiredService<IReadOnlyList<EvseController>>(),
            sp.GetRequiredService<IReadOnlyList<DeferredCurrentLimitSource>>(),
            sp.GetRequiredService<ChargingLimitController>()));
        for (var i = 0; i < options.Evses; i++)
        {
            var index = i;
            services.AddSingleton<IHostedService>(sp => new EvseLoopService(
                sp.GetRequiredService<IReadOnlyList<EvseController>>()[index],
                sp.GetRequiredService<StationHealth>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<EvseLoopService>>()));
        }
    }

    /// <summary>chargerd's version (the informational version without the source-revision suffix).</summary>
    public static string Version { get; } =
        (typeof(StationComposition).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>
    /// The gate a start on an EVSE passes: the reservations (resolved late, they follow the transactions) and, with the
    /// payment block, the web payment holds (C25.FR.22: no card start on an EVSE whose QR code is being paid).
    /// </summary>
    private static IReservationGate StartGate(IServiceProvider sp)
    {
        IReservationGate gate = new DeferredReservationGate(sp);
        return sp.GetService<ChargerController.Station.Payment.WebPaymentHolds>() is { } holds
            ? new ChargerController.Station.Payment.WebPaymentGate(gate, holds, sp.GetRequiredService<TimeProvider>())
            : gate;
    }
}
