using System.Text.Json;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.DataTransfer;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Conformance;

/// <summary>The station runtime over a real WebSocket against the loopback CSMS, in virtual time.</summary>
public sealed class StationHarness : IAsyncDisposable
{
    private StationHarness(LoopbackCsms csms, FakeTimeProvider time, IDeviceModelStore store, int evses, HarnessSetup? setup = null)
    {
        Setup = setup ?? new HarnessSetup();
        Csms = csms;
        Time = time;
        Store = store;
        Connectors = new FakeConnectors(evses);
    }

    public LoopbackCsms Csms { get; }

    /// <summary>Gets the optional extra wiring (modules, transport options, CSMS options).</summary>
    public HarnessSetup Setup { get; }

    /// <summary>Gets the modules attached to the current runtime.</summary>
    public IReadOnlyList<IStationModule> Modules { get; private set; } = [];

    public FakeTimeProvider Time { get; }

    public IDeviceModelStore Store { get; }

    public FakeConnectors Connectors { get; }

    public FakeTransactions Transactions { get; } = new();

    public RecordingResetPort ResetPort { get; } = new();

    public StationRuntime Runtime { get; private set; } = null!;

    public StationDeviceModel Model { get; private set; } = null!;

    /// <summary>Gets or sets the functional blocks attached to each runtime (re-created on every start/restart); wins over <see cref="HarnessSetup.Modules"/>.</summary>
    public Func<StationHarness, IReadOnlyList<IStationModule>>? ModuleFactory { get; set; }

    /// <summary>Gets or sets a hook that completes the runtime's ports (modules, transactions, queue) at every (re)start.</summary>
    public Func<StationHarness, StationPorts, StationPorts>? ConfigurePorts { get; set; }

    public CsmsSession Session => Csms.Current ?? throw new InvalidOperationException("no session");

    public static async Task<StationHarness> StartAsync(
        string bootStatus = "Accepted",
        int interval = 300,
        IDeviceModelStore? store = null,
        int evses = 2,
        BootReasonEnumType reason = BootReasonEnumType.PowerUp,
        IReadOnlyList<IDataTransferVendorHandler>? vendors = null,
        bool waitForBoot = true,
        Func<StationHarness, IReadOnlyList<IStationModule>>? modules = null,
        HarnessSetup? setup = null,
        Func<StationHarness, StationPorts, StationPorts>? configurePorts = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var csms = await LoopbackCsms.StartAsync(setup?.Csms ?? new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef" });
        var harness = new StationHarness(csms, time, store ?? new InMemoryDeviceModelStore(), evses, setup) { ModuleFactory = modules };
        harness.ScriptDefaults(bootStatus, interval);
        harness.ConfigurePorts = configurePorts;
        await harness.StartRuntimeAsync(reason, vendors ?? []);
        await harness.Csms.WaitForSessionAsync();
        if (waitForBoot)
        {
            await harness.Session.WaitForCallAsync("BootNotification");
        }

        return harness;
    }

    public void ScriptDefaults(string bootStatus, int interval)
    {
        // currentTime follows the virtual clock, as a real CSMS's would: the station sets its clock from it (B01.FR.06).
        Csms.Respond("BootNotification", _ => $$"""{"currentTime":"{{CsmsNow()}}","interval":{{interval}},"status":"{{bootStatus}}"}""");
        Csms.Respond("Heartbeat", _ => $$"""{"currentTime":"{{CsmsNow()}}"}""");
        foreach (var action in new[] { "StatusNotification", "NotifyReport", "SecurityEventNotification", "LogStatusNotification", "FirmwareStatusNotification", "NotifyEvent" })
        {
            Csms.Respond(action, "{}");
        }
    }

    /// <summary>The virtual time as an RFC 3339 string, for scripted CSMS answers.</summary>
    public string CsmsNow() => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public async Task StartRuntimeAsync(BootReasonEnumType reason, IReadOnlyList<IDataTransferVendorHandler> vendors)
    {
        var identity = new StationIdentity { Identity = "CS001", EvseCount = Connectors.Connectors.Count, SerialNumber = "SN-1", FirmwareVersion = "1.0.0" };
        identity = Setup.Identity?.Invoke(identity) ?? identity;
        Model = new StationDeviceModel(DeviceModelCatalog.Create(identity), Store);
        Modules = (ModuleFactory ?? Setup.Modules)?.Invoke(this) ?? [];
        var transport = new WebSocketOcppTransport(
            Setup.Transport?.Invoke(this) ?? new WebSocketTransportOptions
            {
                CsmsUrl = Csms.Endpoint,
                StationId = "CS001",
                SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
                BasicAuthPassword = "0123456789abcdef",
                RetryBackOffWaitMinimum = TimeSpan.FromSeconds(1),
                RetryBackOffRandomRange = TimeSpan.Zero,
                WebSocketPingInterval = TimeSpan.Zero,
            },
            Time,
            new ListLogger());
        var ports = new StationPorts
        {
            Connectors = Connectors,
            Reset = ResetPort,
            Transactions = Transactions,
            Vendors = vendors,
            Modules = Modules,
            TriggerSources = [.. Modules.OfType<ChargerController.Station.RemoteControl.ITriggeredMessageSource>()],
        };
        if (ConfigurePorts is { } configure)
        {
            ports = configure(this, ports);
        }

        Runtime = new StationRuntime(transport, Model, identity, ports, (Setup.RuntimeOptions ?? (o => o))(new StationRuntimeOptions { BootReason = reason }), Time, NullLoggerFactory.Instance);
        await Runtime.StartAsync(CancellationToken.None);
    }

    /// <summary>Simulates a reboot: a new runtime on the same device-model store connects again.</summary>
    /// <param name="reason">The boot reason of the new runtime.</param>
    /// <param name="waitAccepted">Whether to wait for an accepted boot (false: the test scripts a Pending/Rejected CSMS).</param>
    public async Task RestartAsync(BootReasonEnumType reason, bool waitAccepted = true)
    {
        var sessions = Csms.Sessions.Count;
        await BoundedAsync(Runtime.DisposeAsync(), "the runtime");
        await DisposeModulesAsync();
        await StartRuntimeAsync(reason, []);
        await Csms.WaitForSessionAsync(sessions + 1);
        if (waitAccepted)
        {
            await WaitAcceptedAsync();
        }
    }

    /// <summary>Waits for the n-th CALL of an action from the station in the current session.</summary>
    public async Task<JsonElement> WaitForCallsAsync(string action, int count, TimeSpan? timeout = null)
    {
        var frame = await Session.WaitForFrameAsync(f => f.Action == action && Session.FromStation.Count(x => x.Action == action) >= count, timeout);
        return Session.FromStation.Where(f => f.Action == action).ElementAt(count - 1).Json!.Value[3];
    }

    public IReadOnlyList<JsonElement> Calls(string action) =>
        [.. Session.FromStation.Where(f => f.Action == action).Select(f => f.Json!.Value[3])];

    /// <summary>
    /// Advances virtual time in steps until <paramref name="condition"/> holds, at most <paramref name="max"/> of it
    /// (real-time hang guard 30 s). Once <paramref name="max"/> is spent the clock stands still while what it already
    /// released (a frame on the real socket, a reconnect) lands: on a loaded machine that takes real time, and
    /// advancing on meanwhile would fail the test for the machine's speed, not the station's behaviour.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, TimeSpan max)
    {
        var advanced = TimeSpan.Zero;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met after {advanced} of virtual time.");
            }

            if (advanced < max)
            {
                Time.Advance(step);
                advanced += step;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// For tests that measure when something happens in virtual time: advances in steps until <paramref name="condition"/>
    /// holds, and from <paramref name="dueAfter"/> of advanced time on stops the clock after each step until the
    /// condition holds (up to 10 s real) before moving it again. What a timer released must cross the real socket
    /// before the CSMS double sees it; a clock that kept moving meanwhile would measure the machine's load.
    /// </summary>
    /// <returns>The virtual time advanced.</returns>
    public async Task<TimeSpan> AdvanceUntilDueAsync(Func<bool> condition, TimeSpan step, TimeSpan dueAfter, TimeSpan max)
    {
        var advanced = TimeSpan.Zero;
        while (!condition())
        {
            if (advanced >= max)
            {
                throw new TimeoutException($"Condition not met after {advanced} of virtual time.");
            }

            Time.Advance(step);
            advanced += step;
            var settle = DateTime.UtcNow + (advanced >= dueAfter ? TimeSpan.FromSeconds(10) : TimeSpan.FromMilliseconds(20));
            do
            {
                await Task.Delay(20);
            }
            while (!condition() && DateTime.UtcNow < settle);
        }

        return advanced;
    }

    public async Task WaitAcceptedAsync() => await Runtime.WaitUntilAcceptedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        await BoundedAsync(Runtime.DisposeAsync(), "the runtime");
        await DisposeModulesAsync();
        await BoundedAsync(Csms.DisposeAsync(), "the CSMS double");
    }

    /// <summary>A shutdown that hangs fails the test naming what hung, instead of holding the test host until CI kills it.</summary>
    private static async Task BoundedAsync(ValueTask dispose, string what)
    {
        try
        {
            await dispose.AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Disposing {what} did not finish within 30 s.", ex);
        }
    }

    private async Task DisposeModulesAsync()
    {
        foreach (var module in Modules)
        {
            if (module is IAsyncDisposable asyncDisposable)
            {
                await BoundedAsync(asyncDisposable.DisposeAsync(), module.GetType().Name);
            }
            else if (module is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        Modules = [];
    }
}
