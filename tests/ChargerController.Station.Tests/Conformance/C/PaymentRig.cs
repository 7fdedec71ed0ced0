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

    private PaymentRig()
    {
    }

    public TransactionRig Tx { get; private set; } = null!;

    public PaymentModule Module { get; private set; } = null!;

    public SimulatedPaymentTerminal Terminal { get; } = new();

    public RecordingPaymentDisplay Display { get; } = new();

    public CsmsTotalCostSource Costs { get; } = new();

    public LoopbackCsms Csms => Tx.Csms;

    public IReadOnlyList<JsonElement> Events => Tx.Events;

    /// <summary>Starts a station whose PaymentCtrlr is enabled (unless <paramref name="config"/> says otherwise).</summary>
    public static async Task<PaymentRig> StartAsync(
        IReadOnlyDictionary<string, string>? config = null,
        Action<LoopbackCsms>? script = null,
        bool withTerminal = true,
        Func<StationHarness, IIdTokenAuthorizer>? authorizerFactory = null,
        HarnessSetup? setup = null)
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
        rig.Tx = await TransactionRig.StartAsync(
            values,
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
                rig.Module = new PaymentModule(withTerminal ? rig.Terminal : null, rig._sessions, rig.Costs, rig.Display, harness.Connectors.Connectors.Count, "CS001");
                return [rig.Module];
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
        await Tx.DisposeAsync();
    }
}
