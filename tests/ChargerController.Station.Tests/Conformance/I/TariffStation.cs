using System.Text.Json;
using ChargerController.Station.Authorization;
using ChargerController.Station.DisplayMessages;
using Microsoft.Extensions.Logging.Abstractions;
using ChargerController.Station.Tariffs;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>A station with transactions and the tariff block (I) over a real WebSocket, in virtual time (UTC as local time).</summary>
public sealed class TariffStation : IAsyncDisposable
{
    private TariffStation(TransactionRig rig, RecordingDisplay display, Func<TariffModule> module, InMemoryTariffStore store)
    {
        Rig = rig;
        Store = store;
        Screen = display;
        ModuleOf = module;
    }

    public TransactionRig Rig { get; }

    public RecordingDisplay Screen { get; }

    public TariffModule Module => ModuleOf();

    public InMemoryTariffStore Store { get; }

    private Func<TariffModule> ModuleOf { get; }

    /// <summary>Gets the reservation block when started with <c>reservations: true</c>.</summary>
    public ChargerController.Station.Reservations.ReservationManager? Reservations { get; private set; }

    public static async Task<TariffStation> StartAsync(IReadOnlyDictionary<string, string>? config = null, Action<ChargerController.Testing.Csms.LoopbackCsms>? script = null, int evses = 1, bool authorize = false, bool reservations = false)
    {
        var gate = reservations ? new LateReservationGate() : null;
        var reservationStore = new ChargerController.Station.Reservations.InMemoryReservationStore();
        ChargerController.Station.Reservations.ReservationManager? reservationManager = null;
        var display = new RecordingDisplay();
        TariffModule? module = null;
        DeferredAuthorizer? deferred = null;
        var store = new InMemoryTariffStore();
        var rig = await TransactionRig.StartAsync(
            config: config,
            evses: evses,
            script: script,
            reservations: gate,
            authorizerFactory: authorize
                ? h => deferred = new DeferredAuthorizer(new AuthorizationService(h.Model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), h.Time, NullLoggerFactory.Instance))
                : null,
            extraModules: (h, r) =>
            {
                ReservationReceiptStore? receipts = null;
                if (gate is not null)
                {
                    // The real reservation block (H), its store wrapped the way AddTariffs wraps it in chargerd.
                    receipts = new ReservationReceiptStore(reservationStore, h.Time);
                    reservationManager = new ChargerController.Station.Reservations.ReservationManager(receipts, h.Connectors, r.Manager);
                    gate.Inner = reservationManager;
                }

                module = new TariffModule(new DefaultTariffBook(store), store, Meters(r), r.Controllers, () => r.Manager, new TariffDisplay([display]), new TariffOptions { TimeZone = TimeZoneInfo.Utc }, receipts);
                if (deferred is not null)
                {
                    // The station's real authorization block behind the tariff block's wrapper (driver tariffs, I08).
                    deferred.Outer = new TariffAuthorizer(deferred.Service, module);
                }

                return reservationManager is null ? [module] : [module, reservationManager];
            });
        if (reservations)
        {
            rig.Csms.Respond("ReservationStatusUpdate", "{}");
        }

        return new TariffStation(rig, display, () => module!, store) { Reservations = reservationManager };
    }

    public async Task<JsonElement> CallAsync(string action, string payload) => (await Rig.Session.CallAsync(action, payload))[2];

    public async Task<string> StatusOf(string action, string payload) => (await CallAsync(action, payload)).GetProperty("status").GetString()!;

    /// <summary>
    /// Waits for a TransactionEvent the CSMS received. Delivery over the socket takes real time, while the queue's
    /// timeouts and retries run in virtual time: virtual time creeps (100 ms per 20 ms real) so a slow machine never turns
    /// a late answer into a stuck retry, and 30 s real is only the hang guard.
    /// </summary>
    public async Task<JsonElement> EventAsync(Func<JsonElement, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (Rig.Events.FirstOrDefault(predicate) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "no matching TransactionEvent within 30 s");
            await Rig.RunForAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50));
            await Task.Delay(20);
        }
    }

    /// <summary>Waits in real time (30 s hang guard) for a state reached without virtual time (answers, handlers).</summary>
    public static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(10);
        }
    }

    public static string Tariff(string id, string currency = "EUR", int energyPrices = 1, string extra = "") =>
        $$"""{"tariffId":"{{id}}","currency":"{{currency}}","energy":{"prices":[{{string.Join(",", Enumerable.Range(0, energyPrices).Select(i => $$"""{"priceKwh":{{0.25m + (i * 0.01m)}}}"""))}}]}{{extra}}}""";

    public async ValueTask DisposeAsync()
    {
        await Rig.DisposeAsync();
        Module.Dispose();
    }

    private static Dictionary<int, Hardware.Abstractions.Metering.IEnergyMeter> Meters(TransactionRig r) =>
        Enumerable.Range(1, r.Controllers.Count).ToDictionary(i => i, i => (Hardware.Abstractions.Metering.IEnergyMeter)r.Meter(i));
}
