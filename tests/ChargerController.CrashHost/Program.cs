using System.Globalization;
using ChargerController.CrashHost;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Transport;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using ChargerController.Station.Authorization;
using ChargerController.Station.Availability;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Reservations;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;
using ChargerController.Station.Transactions;
using ChargerController.Storage;
using ChargerController.Storage.DeviceModel;
using ChargerController.Storage.Queue;
using ChargerController.Storage.Transactions;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: CrashHost --csms <ws url> --state <dir> [--seed n] [--evses n] [--no-sessions]
// Runs a whole station (simulated hardware, real SQLite) and drives charging sessions on its own until killed.
var csms = new Uri(Arg("--csms") ?? throw new ArgumentException("--csms is required"));
var stateDir = Arg("--state") ?? throw new ArgumentException("--state is required");
var seed = int.Parse(Arg("--seed") ?? "1", CultureInfo.InvariantCulture);
var evseCount = int.Parse(Arg("--evses") ?? "2", CultureInfo.InvariantCulture);
var drive = !args.Contains("--no-sessions");
Directory.CreateDirectory(stateDir);

var time = TimeProvider.System;
var database = new StationDatabase(Path.Combine(stateDir, StationDatabase.FileName));
var queue = new SqliteOutboundQueue(database, time, NullLogger.Instance);
var identity = new StationIdentity { Identity = "CRASH1", EvseCount = evseCount, SerialNumber = "SN-CRASH", FirmwareVersion = "1.0.0" };
var model = new StationDeviceModel(DeviceModelCatalog.Create(identity), new SqliteDeviceModelStore(database));
Set("SampledDataCtrlr", "TxUpdatedInterval", "1");
Set("AlignedDataCtrlr", "Interval", "0");
Set("OCPPCommCtrlr", "MessageAttemptInterval", "1", "TransactionEvent");

var devices = new List<SimulatedEvse>();
var controllers = new List<EvseController>();
var meters = new Dictionary<int, IEnergyMeter>();
for (var id = 1; id <= evseCount; id++)
{
    var registerFile = Path.Combine(stateDir, $"meter-{id}.txt");
    var device = new SimulatedEvse(time, new SimulatedEvseOptions { Ev = SimulatedEvProfiles.ThreePhase11Kw });
    var meter = new PersistentRegisterMeter(device.Meter, registerFile, PersistentRegisterMeter.Load(registerFile));
    devices.Add(device);
    meters[id] = meter;
    controllers.Add(new EvseController(new EvseDevices(device.ControlPilot, device.Contactor, device.ResidualCurrentMonitor, device.ConnectorLock, meter, device.ProximityPilot), new EvseOptions { EvseId = id }, time));
}

var authorizer = new AcceptAllIdTokenAuthorizer();
var reservations = new NoReservations();
var sessions = new SessionCoordinator(controllers, meters, authorizer, new SessionCoordinatorOptions(), time, reservations);
var transactions = new TransactionManager(controllers, meters, sessions, new SqliteTransactionJournal(database), authorizer, reservations, null, new TransactionManagerOptions(), time);
var transport = new WebSocketOcppTransport(
    new WebSocketTransportOptions
    {
        CsmsUrl = csms,
        StationId = "CRASH1",
        SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
        BasicAuthPassword = "0123456789abcdef",
        RetryBackOffWaitMinimum = TimeSpan.FromMilliseconds(200),
        RetryBackOffRandomRange = TimeSpan.Zero,
        WebSocketPingInterval = TimeSpan.Zero,
    },
    time,
    NullLogger.Instance);
var ports = new StationPorts
{
    Connectors = new EvseConnectorStatusSource(controllers),
    Reset = new ExitResetPort(),
    Transactions = transactions,
    OutboundQueue = queue,
    Modules = [transactions],
    TriggerSources = [new TransactionTriggerSource(transactions)],
};
var runtime = new StationRuntime(transport, model, identity, ports, new StationRuntimeOptions { BootReason = BootReasonEnumType.PowerUp }, time, NullLoggerFactory.Instance);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
var loops = controllers.Select(c => c.RunAsync(stop.Token)).ToList();
await runtime.StartAsync(stop.Token);
Console.WriteLine("STARTED");

var drivers = drive ? devices.Select((d, i) => DriveAsync(d.Ev, i + 1, new Random(seed * 31 + i), stop.Token)).ToList() : [];
try
{
    while (!stop.IsCancellationRequested)
    {
        var stats = await queue.GetStatisticsAsync(stop.Token);
        Console.WriteLine(stats.Count == 0 && !transactions.HasActiveTransaction(null) ? "IDLE" : "BUSY " + stats.Count.ToString(CultureInfo.InvariantCulture));
        await Task.Delay(200, stop.Token);
    }
}
catch (OperationCanceledException)
{
    // Ctrl-C.
}

await Task.WhenAll(drivers.Concat(loops).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
await transactions.DisposeAsync();
await runtime.DisposeAsync();
return 0;

async Task DriveAsync(SimulatedEv ev, int evseId, Random random, CancellationToken cancellationToken)
{
    var card = "CARD" + evseId.ToString(CultureInfo.InvariantCulture);
    try
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ev.Plug(CpState.C);
            await Task.Delay(random.Next(100, 300), cancellationToken);
            await sessions.PresentCardAsync(card, cancellationToken);
            await Task.Delay(random.Next(300, 1500), cancellationToken);
            if (random.Next(3) == 0)
            {
                // Local stop by the same card before unplugging (E07).
                await sessions.PresentCardAsync(card, cancellationToken);
                await Task.Delay(random.Next(50, 200), cancellationToken);
            }

            ev.Unplug();
            await Task.Delay(random.Next(100, 400), cancellationToken);
        }
    }
    catch (OperationCanceledException)
    {
        // Stopped.
    }
}

void Set(string component, string variable, string value, string? instance = null) =>
    model.TrySet(VariableKey.Of(component, variable, instance), null, value, out _);

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
