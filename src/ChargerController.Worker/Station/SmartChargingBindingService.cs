using ChargerController.Station.Evse;
using ChargerController.Station.SmartCharging.LoadBalancing;
using ChargerController.Station.SmartCharging.Limits;
using Microsoft.Extensions.Hosting;

namespace ChargerController.Worker.Station;

/// <summary>
/// Connects each EVSE loop to smart charging before the loops start (registered ahead of them): binds the deferred
/// limit source to the composite-schedule limit and feeds the EVSE's demand to local load balancing.
/// </summary>
internal sealed class SmartChargingBindingService(
    IReadOnlyList<EvseController> evses,
    IReadOnlyList<DeferredCurrentLimitSource> limits,
    ChargingLimitController controller) : IHostedService, IDisposable
{
    private readonly List<SmartChargingEvseBinding> _bindings = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < evses.Count; i++)
        {
            limits[i].Bind(controller.LimitFor(evses[i].EvseId));
            _bindings.Add(new SmartChargingEvseBinding(evses[i], controller));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var binding in _bindings)
        {
            binding.Dispose();
        }
    }
}
