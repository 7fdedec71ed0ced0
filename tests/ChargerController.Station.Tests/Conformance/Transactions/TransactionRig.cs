using System.Text.Json;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Queue;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using ChargerController.Station.Authorization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Reservations;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.Transactions;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>
/// The station runtime over a real WebSocket (StationHarness) with simulated EVSEs, the session coordinator and the
/// transaction manager attached as a module, in virtual time. The test steps the EVSE loops.
/// </summary>
public sealed class TransactionRig : IAsyncDisposable
{
    private readonly Dictionary<string, string> _config;
    private SimulatedEvse[] _devices = [];
    private EvseController[] _controllers = [];
    private IStationModule[] _extras = [];

    private TransactionRig(Dictionary<string, string> config, IIdTokenAuthorizer authorizer, IReservationGate reservations, IChargingProfileInstaller? profiles)
    {
        _config = config;
        Authorizer = authorizer;
        Reservations = reservations;
        Profiles = profiles;
    }

    public StationHarness Harness { get; private set; } = null!;

    public LoopbackCsms Csms => Harness.Csms;

    public CsmsSession Session => Harness.Session;

    public IIdTokenAuthorizer Authorizer { get; private set; }

    /// <summary>Gets or sets a factory for an authorizer that needs the station (e.g. the real AuthorizationService on its device model); it is attached as a module too.</summary>
    public Func<StationHarness, IIdTokenAuthorizer>? AuthorizerFactory { get; init; }

    public IReservationGate Reservations { get; }

    public IChargingProfileInstaller? Profiles { get; }

    public ITransactionJournal Journal { get; set; } = new InMemoryTransactionJournal();

    /// <summary>Gets or sets further modules attached after the transaction manager (e.g. smart charging), built per (re)start.</summary>
    public Func<StationHarness, TransactionRig, IEnumerable<IStationModule>>? ExtraModules { get; set; }

    /// <summary>Gets or sets the limit source each EVSE loop reads (by evseId), e.g. smart charging's; none when null.</summary>
    public Func<int, ICurrentLimitSource>? LimitSource { get; set; }

    public SessionCoordinatorOptions SessionOptions { get; init; } = new();

    /// <summary>Gets a value indicating whether the EVSEs have a permanently attached 32 A cable (no proximity pilot, no connector lock).</summary>
    public bool Tethered { get; init; }

    /// <summary>Gets a value indicating whether a socket outlet has its connector lock (always none with a tethered cable).</summary>
    public bool ConnectorLock { get; init; } = true;

    public IOutboundQueue? Queue { get; private set; }

    private readonly HashSet<string> _givenUp = new(StringComparer.Ordinal);

    public SessionCoordinator Sessions { get; private set; } = null!;

    public TransactionManager Manager { get; private set; } = null!;

    public IReadOnlyList<EvseController> Controllers => _controllers;

    public SimulatedEv Ev(int evse = 1) => _devices[evse - 1].Ev;

    public SimulatedMeter Meter(int evse = 1) => _devices[evse - 1].Meter;

    /// <summary>The simulated hardware of an EVSE (connector lock, proximity pilot, ...).</summary>
    public SimulatedEvse Device(int evse = 1) => _devices[evse - 1];

    /// <summary>Starts a station with <paramref name="evses"/> EVSEs; <paramref name="config"/> maps "Component.Variable" to values set before the runtime starts.</summary>
    public static async Task<TransactionRig> StartAsync(
        IReadOnlyDictionary<string, string>? config = null,
        int evses = 1,
        IIdTokenAuthorizer? authorizer = null,
        IReservationGate? reservations = null,
        IChargingProfileInstaller? profiles = null,
        Action<LoopbackCsms>? script = null,
        SessionCoordinatorOptions? sessionOptions = null,
        Func<StationHarness, TransactionRig, IEnumerable<IStationModule>>? extraModules = null,
        Func<int, ICurrentLimitSource>? limitSource = null,
        Func<StationHarness, IIdTokenAuthorizer>? authorizerFactory = null,
        bool tethered = false,
        bool connectorLock = true,
        HarnessSetup? setup = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Quiet defaults: no clock-aligned or periodic traffic unless a test asks for it.
            ["AlignedDataCtrlr.Interval"] = "0",
            ["SampledDataCtrlr.TxUpdatedInterval"] = "0",
        };
        foreach (var (key, value) in config ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var rig = new TransactionRig(values, authorizer ?? new AcceptAllIdTokenAuthorizer(), reservations ?? new NoReservations(), profiles)
        {
            SessionOptions = sessionOptions ?? new SessionCoordinatorOptions(),
            ExtraModules = extraModules,
            LimitSource = limitSource,
            AuthorizerFactory = authorizerFactory,
            Tethered = tethered,
            ConnectorLock = connectorLock,
        };
        rig.Harness = await StationHarness.StartAsync(evses: evses, waitForBoot: false, setup: setup, configurePorts: rig.Configure);
        rig.Csms.Respond("TransactionEvent", "{}");
        rig.Csms.Respond("MeterValues", "{}");
        rig.Csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted"}}""");
        script?.Invoke(rig.Csms);
        await rig.Harness.WaitAcceptedAsync();
        await rig.RunForAsync(TimeSpan.FromMilliseconds(500));
        return rig;
    }

    /// <summary>
    /// The TransactionEvent payloads the CSMS received (all sessions), in order, each message once: a message whose
    /// answer was lost with the connection (or a restart) is sent again with the same message id, which the CSMS
    /// must treat as the same event (at-least-once delivery, Part 4 §4.2). On a loaded machine that resend happens.
    /// </summary>
    public IReadOnlyList<JsonElement> Events =>
        [.. Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == "TransactionEvent")
            .DistinctBy(f => f.MessageId).Select(f => f.Json!.Value[3])];

    /// <summary>Steps the EVSE loops in virtual time.</summary>
    public async Task RunForAsync(TimeSpan duration, TimeSpan? step = null)
    {
        var period = step ?? TimeSpan.FromMilliseconds(20);
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += period)
        {
            await WhileAnswersOnTheWireAsync();
            Harness.Time.Advance(period);
            foreach (var controller in _controllers)
            {
                await controller.StepAsync(CancellationToken.None);
            }

            // Virtual time does not run ahead of the transaction manager's work loop.
            await Manager.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>
    /// Virtual time does not run ahead of an answer already on the wire either: a queued message the CSMS double has
    /// answered in this session but the station still holds is only waiting for the station to read that answer (real
    /// time). Advancing meanwhile could expire its MessageTimeout (virtual), and the station would retry it and hold
    /// everything queued behind it for MessageAttemptInterval (TC_J_03_CS never saw its Ended event under load).
    /// </summary>
    private async Task WhileAnswersOnTheWireAsync()
    {
        if (Queue is not { } queue)
        {
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Harness.Runtime.IsConnected && Csms.Current is { } session)
        {
            var queued = await queue.ListAsync(CancellationToken.None);
            if (queued.Count == 0)
            {
                return;
            }

            var answered = session.Frames.Where(f => f.Direction == FrameDirection.ToStation && f.MessageTypeNumber == 3).Select(f => f.MessageId).ToHashSet();
            var onTheWire = queued.Where(m => answered.Contains(m.MessageId) && !_givenUp.Contains(m.MessageId)).Select(m => m.MessageId).ToList();
            if (onTheWire.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                // Held for another reason (the station refused the answer): wait for it once only, never per step.
                _givenUp.UnionWith(onTheWire);
                return;
            }

            await Task.Delay(1);
        }
    }

    /// <summary>
    /// Steps until <paramref name="condition"/> holds (virtual limit, 30 s real hang guard). Once the virtual limit is
    /// spent the loops stand still while what they already sent crosses the real socket to the CSMS: on a loaded
    /// machine that takes real time, and stepping on meanwhile would fail the test for the machine's speed.
    /// </summary>
    public async Task RunUntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var max = limit ?? TimeSpan.FromSeconds(30);

        // Long virtual waits go in coarser steps so they stay within the real-time bound.
        var chunk = max > TimeSpan.FromMinutes(1) ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(100);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var elapsed = TimeSpan.Zero;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met after {elapsed} virtual; EVSEs: {string.Join("; ", _controllers.Select(c => c.Snapshot))}");
            }

            if (elapsed <= max)
            {
                await RunForAsync(chunk, chunk / 5);
                elapsed += chunk;
                await Task.Delay(1);
            }
            else
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>
    /// Lets the station reconnect: virtual time advances slowly with real pauses, so the real-time WebSocket handshake
    /// is not overtaken by the virtual connect timeout.
    /// </summary>
    public async Task WaitReconnectedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Harness.Runtime.IsConnected)
        {
            Assert.True(DateTime.UtcNow < deadline, "the station did not reconnect");
            Harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the n-th TransactionEvent (1-based) while stepping the loops.</summary>
    public async Task<JsonElement> WaitForEventAsync(int count)
    {
        await RunUntilAsync(() => Events.Count >= count);
        return Events[count - 1];
    }

    /// <summary>Waits for a TransactionEvent matching <paramref name="predicate"/> while stepping the loops.</summary>
    public async Task<JsonElement> WaitForEventAsync(Func<JsonElement, bool> predicate, TimeSpan? limit = null)
    {
        await RunUntilAsync(() => Events.Any(predicate), limit);
        return Events.First(predicate);
    }

    /// <summary>Plugs the EV in (state C: wants charge) and lets the pilot settle.</summary>
    public async Task PlugAsync(int evse = 1, CpState state = CpState.C)
    {
        Ev(evse).Plug(state);
        await RunUntilAsync(() => _controllers[evse - 1].Snapshot.ConnectorStatus == ConnectorStatus.Occupied);
    }

    /// <summary>Unplugs the EV and lets the pilot settle.</summary>
    public async Task UnplugAsync(int evse = 1)
    {
        Ev(evse).Unplug();
        await RunUntilAsync(() => _controllers[evse - 1].Snapshot.ConnectorStatus == ConnectorStatus.Available);
    }

    public Task<SessionStartResult> TapAsync(string idToken) => Sessions.PresentCardAsync(idToken, CancellationToken.None);

    /// <summary>A reboot: the runtime, the coordinator and the transaction manager go; the EVSE hardware, journal and queue stay.</summary>
    public async Task RestartAsync(BootReasonEnumType reason = BootReasonEnumType.PowerUp, TimeSpan? outage = null)
    {
        await Manager.DisposeAsync();
        Sessions.Dispose();

        // The EVSE loses its authorization with the power; the EV stays plugged.
        foreach (var controller in _controllers)
        {
            controller.Deauthorize();
        }

        if (outage is { } down)
        {
            // The power stays off this long (virtual time) before the station boots again.
            Harness.Time.Advance(down);
        }

        await Harness.RestartAsync(reason);
        await RunForAsync(TimeSpan.FromMilliseconds(200));
    }

    public async ValueTask DisposeAsync()
    {
        await Manager.DisposeAsync();
        Sessions.Dispose();
        await Harness.DisposeAsync();
        foreach (var controller in _controllers)
        {
            await controller.DisposeAsync();
        }

        foreach (var device in _devices)
        {
            device.Dispose();
        }
    }

    private StationPorts Configure(StationHarness harness, StationPorts ports)
    {
        foreach (var (key, value) in _config)
        {
            // "Component.Variable" or "Component.Variable[Instance]".
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var bracket = key.IndexOf('[', StringComparison.Ordinal);
            var variable = bracket < 0 ? key[(dot + 1)..] : key[(dot + 1)..bracket];
            var instance = bracket < 0 ? null : key[(bracket + 1)..^1];
            var status = harness.Model.TrySet(VariableKey.Of(key[..dot], variable, instance), null, value, out var reason);
            Assert.True(status == SetVariableStatusEnumType.Accepted || status == SetVariableStatusEnumType.RebootRequired, $"{key}={value}: {status} {reason}");
        }

        if (_devices.Length == 0)
        {
            var time = harness.Time;
            _devices = [.. Enumerable.Range(1, harness.Connectors.Connectors.Count).Select(_ => new SimulatedEvse(time, new SimulatedEvseOptions { Ev = SimulatedEvProfiles.ThreePhase11Kw, Meter = new SimulatedMeterOptions { InitialEnergyImportWh = 1000 } }))];
            _controllers = [.. _devices.Select((d, i) => new EvseController(
                Tethered
                    ? new EvseDevices(d.ControlPilot, d.Contactor, d.ResidualCurrentMonitor, null, d.Meter, null)
                    : new EvseDevices(d.ControlPilot, d.Contactor, d.ResidualCurrentMonitor, ConnectorLock ? d.ConnectorLock : null, d.Meter, d.ProximityPilot),
                new EvseOptions { EvseId = i + 1, TetheredCableMaxCurrentA = Tethered ? 32 : null },
                time,
                LimitSource is { } limit ? [limit(i + 1)] : null))];
            Queue = new InMemoryOutboundQueue(time);
        }

        var modules = ports.Modules;
        if (AuthorizerFactory is not null)
        {
            // Recreated on every (re)start with the new device model, as the station would.
            Authorizer = AuthorizerFactory(harness);
            if (Authorizer is IStationModule module)
            {
                modules = [.. modules, module];
            }
        }

        var meters = _devices.Select((d, i) => (Id: i + 1, Meter: (IEnergyMeter)d.Meter)).ToDictionary(x => x.Id, x => x.Meter);
        Sessions = new SessionCoordinator(_controllers, meters, Authorizer, SessionOptions, harness.Time, Reservations);
        // A cost view among the extra modules (the tariff block) is what a cost limit is held against, as in chargerd.
        Manager = new TransactionManager(_controllers, meters, Sessions, Journal, Authorizer, Reservations, Profiles, new TransactionManagerOptions(), harness.Time, () => _extras.OfType<Station.Tariffs.ITransactionCostSource>().FirstOrDefault());
        _extras = [.. ExtraModules?.Invoke(harness, this) ?? []];
        return ports with
        {
            Transactions = Manager,
            Modules = [.. modules, Manager, .. _extras],
            TriggerSources = [.. ports.TriggerSources, new TransactionTriggerSource(Manager)],
            OutboundQueue = Queue,
        };
    }
}
