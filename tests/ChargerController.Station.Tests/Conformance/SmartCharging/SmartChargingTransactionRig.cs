using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Evse;
using ChargerController.Station.Runtime;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.LoadBalancing;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>
/// The real transaction block (simulated EVSE, sessions, TransactionManager, RequestStartTransaction) with the real
/// smart-charging module attached: K05 installs through <see cref="IChargingProfileInstaller"/>, and the EVSE loop reads
/// its limit from smart charging, as chargerd composes them. Both are late-bound, as in chargerd, because each needs the
/// other.
/// </summary>
internal sealed class SmartChargingTransactionRig : IAsyncDisposable
{
    private readonly List<SmartChargingEvseBinding> _bindings = [];
    private readonly IChargingProfileStore _store = new InMemoryChargingProfileStore();
    private SmartChargingModule? _module;

    private SmartChargingTransactionRig()
    {
    }

    public TransactionRig Rig { get; private set; } = null!;

    public SmartChargingModule Module => _module ?? throw new InvalidOperationException("not attached");

    public static async Task<SmartChargingTransactionRig> StartAsync(IReadOnlyDictionary<string, string>? config = null)
    {
        var station = new SmartChargingTransactionRig();
        station.Rig = await TransactionRig.StartAsync(
            config,
            profiles: new LateInstaller(station),
            script: csms =>
            {
                csms.Respond("ReportChargingProfiles", "{}");
                csms.Respond("NotifyChargingLimit", "{}");
            },
            extraModules: station.Attach,
            limitSource: evseId => new LateLimit(station, evseId));
        return station;
    }

    public async ValueTask DisposeAsync()
    {
        await Rig.DisposeAsync();
        Detach();
    }

    private IEnumerable<IStationModule> Attach(StationHarness harness, TransactionRig rig)
    {
        Detach();
        var options = new SmartChargingOptions { Evses = [new SmartChargingEvseOptions { EvseId = 1, MaxCurrentA = 32, SupplyPhases = 3 }] };
        _module = new SmartChargingModule(options, _store, rig.Manager, harness.Time);
        foreach (var controller in rig.Controllers)
        {
            _bindings.Add(new SmartChargingEvseBinding(controller, _module.Limits));
        }

        return [_module];
    }

    private void Detach()
    {
        foreach (var binding in _bindings)
        {
            binding.Dispose();
        }

        _bindings.Clear();
        _module?.Dispose();
    }

    private sealed class LateInstaller(SmartChargingTransactionRig station) : IChargingProfileInstaller
    {
        public string? Validate(int evseId, ChargingProfileType profile) => station.Module.Validate(evseId, profile);

        public ValueTask InstallForTransactionAsync(int evseId, string transactionId, ChargingProfileType profile, CancellationToken cancellationToken) =>
            station.Module.InstallForTransactionAsync(evseId, transactionId, profile, cancellationToken);
    }

    private sealed class LateLimit(SmartChargingTransactionRig station, int evseId) : ICurrentLimitSource
    {
        public double? GetCurrentLimitA(DateTimeOffset now) => station._module?.Limits.LimitFor(evseId).GetCurrentLimitA(now);
    }
}
