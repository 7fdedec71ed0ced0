using System.Text.Json;
using ChargerController.Station.Authorization;
using ChargerController.Station.Payment;
using ChargerController.Station.Tests.Conformance.Transactions;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// The <see cref="TransactionRig"/> (runtime over a real WebSocket, simulated EVSEs, session coordinator, transaction
/// manager, virtual time) with the payment block attached: the simulated payment terminal, the CSMS-cost source and a
/// recording display.
/// </summary>
public sealed class PaymentRig : IAsyncDisposable
{
    private PaymentSessions? _sessions;
    private TariffCostBridge? _bridge;

    private PaymentRig()
    {
    }

    public TransactionRig Tx { get; private set; } = null!;

    public PaymentModule Module { get; private set; } = null!;

    public SimulatedPaymentTerminal Terminal { get; } = new();

    public RecordingPaymentDisplay Display { get; } = new();

    public CsmsTotalCostSource Costs { get; } = new();

    /// <summary>Gets the EVSEs web payments hold (C25.FR.22), read by the session layer's start gate.</summary>
    public WebPaymentHolds Holds { get; } = new();

    /// <summary>Gets the store of payments not settled yet (in memory unless a test gives one).</summary>
    public IPaymentStore Store { get; private set; } = new InMemoryPaymentStore();

    /// <summary>Gets the tariff block, when started with <c>tariffs: true</c> (local cost calculation, block I).</summary>
    public Station.Tariffs.TariffModule? Tariffs { get; private set; }

    /// <summary>Gets the display of the tariff block.</summary>
    public I.RecordingDisplay TariffScreen { get; } = new();

    /// <summary>Gets or sets the terminal the payment block uses (default: <see cref="Terminal"/>); read at each (re)start.</summary>
    public IPaymentTerminal? TerminalOverride { get; set; }

    public LoopbackCsms Csms => Tx.Csms;

    public IReadOnlyList<JsonElement> Events => Tx.Events;

    /// <summary>Starts a station whose PaymentCtrlr is enabled (unless <paramref name="config"/> says otherwise).</summary>
    public static async Task<PaymentRig> StartAsync(
        IReadOnlyDictionary<string, string>? config = null,
        Action<LoopbackCsms>? script = null,
        bool withTerminal = true,
        Func<StationHarness, IIdTokenAuthorizer>? authorizerFactory = null,
        HarnessSetup? setup = null,
        bool tariffs = false,
        IPaymentStore? store = null,
        Func<SimulatedPaymentTerminal, IPaymentTerminal>? terminal = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PaymentCtrlr.Enabled"] = withTerminal ? "true" : "false",
            ["PaymentCtrlr.AuthorizationAmount"] = "20",
        };
        foreach (var (key, value) in config ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var rig = new PaymentRig();
        rig.Store = store ?? rig.Store;
        rig.TerminalOverride = terminal?.Invoke(rig.Terminal);
        var gate = new I.LateReservationGate();
        var tariffStore = new Station.Tariffs.InMemoryTariffStore();
        rig.Tx = await TransactionRig.StartAsync(
            values,
            reservations: gate,
            script: csms =>
            {
                csms.Respond("NotifySettlement", "{}");
                csms.Respond("VatNumberValidation", request => $$"""{"vatNumber":{{request.GetProperty("vatNumber").GetRawText()}},"status":"Accepted"}""");
                script?.Invoke(csms);
            },
            extraModules: (harness, tx) =>
            {
                rig._sessions?.Dispose();
                rig._sessions = new PaymentSessions(tx.Sessions, tx.Manager);

                // C25.FR.22: the start gate of the session layer sees the web payment holds (as chargerd wires it).
                gate.Inner = new WebPaymentGate(new Station.Reservations.NoReservations(), rig.Holds, harness.Time);
                List<Station.Runtime.IStationModule> modules = [];
                ITransactionCostSource costs = rig.Costs;
                if (tariffs)
                {
                    var meters = Enumerable.Range(1, tx.Controllers.Count).ToDictionary(i => i, i => (Hardware.Abstractions.Metering.IEnergyMeter)tx.Meter(i));
                    rig.Tariffs = new Station.Tariffs.TariffModule(new Station.Tariffs.DefaultTariffBook(tariffStore), tariffStore, meters, tx.Controllers, () => tx.Manager, new Station.Tariffs.TariffDisplay([rig.TariffScreen]), new Station.Tariffs.TariffOptions { TimeZone = TimeZoneInfo.Utc });
                    rig._bridge?.Dispose();
                    rig._bridge = new TariffCostBridge(rig.Tariffs);
                    costs = rig._bridge;
                    modules.Add(rig.Tariffs);
                }

                rig.Module = new PaymentModule(withTerminal ? rig.TerminalOverride ?? rig.Terminal : null, rig._sessions, costs, rig.Display, harness.Connectors.Connectors.Count, "CS001", rig.Store, rig.Holds);
                modules.Add(rig.Module);
                return modules;
            },
            authorizerFactory: authorizerFactory);
        return rig;
    }

    /// <summary>The payloads of the station's CALLs of an action (each message once).</summary>
    public IReadOnlyList<JsonElement> Calls(string action) =>
        [.. Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == action).DistinctBy(f => f.MessageId).Select(f => f.Json!.Value[3])];

    /// <summary>Steps the station until <paramref name="condition"/> holds, letting the payment block's loop catch up too.</summary>
    public async Task RunUntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        await Module.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Tx.RunUntilAsync(condition, limit);
        await Module.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits for the n-th CALL of an action.</summary>
    public async Task<JsonElement> WaitForCallAsync(string action, int count = 1)
    {
        await RunUntilAsync(() => Calls(action).Count >= count);
        return Calls(action)[count - 1];
    }

    /// <summary>Presents an approved card at the terminal and waits until the station has a session for it.</summary>
    public async Task<string> PayAsync(int? evseId = null)
    {
        var pspRef = Terminal.Present(evseId, PaymentTerminalEventKind.Approved)!;
        await RunUntilAsync(() => Tx.Sessions.SessionOf(evseId ?? 1)?.IdToken == pspRef);
        return pspRef;
    }

    public async ValueTask DisposeAsync()
    {
        await Module.DisposeAsync();

        // Twice, as the host's container does (registered as PaymentModule and as IStationModule).
        await Module.DisposeAsync();
        _sessions?.Dispose();
        _bridge?.Dispose();
        await Tx.DisposeAsync();
    }
}
