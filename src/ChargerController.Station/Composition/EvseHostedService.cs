using ChargerController.Station.Evse;
using Microsoft.Extensions.Hosting;

namespace ChargerController.Station.Composition;

/// <summary>
/// Runs one <see cref="EvseController"/> loop for the lifetime of the host. Host stop cancels the loop, whose exit path
/// leaves the contactor open and the pilot in state F; the service does not own (dispose) the controller.
/// </summary>
public sealed class EvseHostedService : BackgroundService
{
    private readonly EvseController _controller;

    /// <summary>Creates the service.</summary>
    /// <param name="controller">The EVSE to run.</param>
    public EvseHostedService(EvseController controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _controller.RunAsync(stoppingToken);
}
