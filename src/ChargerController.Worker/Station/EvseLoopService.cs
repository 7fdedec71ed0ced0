using ChargerController.Station.Evse;
using ChargerController.Worker.Health;
using Microsoft.Extensions.Hosting;

namespace ChargerController.Worker.Station;

/// <summary>
/// Runs one EVSE loop for the life of the host and feeds its <see cref="HealthProbe"/> only while the loop task runs and
/// its supervisor sees steps, so the systemd watchdog stops being fed when an EVSE loop dies or hangs. Host stop
/// cancels the loop, whose exit path leaves the contactor open and the pilot in state F.
/// </summary>
internal sealed class EvseLoopService(EvseController controller, StationHealth health, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var probe = health.Register($"evse-{controller.EvseId}", ProbeInterval * 4);
        var loop = controller.RunAsync(stoppingToken);
        using var timer = new PeriodicTimer(ProbeInterval, time);
        try
        {
            while (!loop.IsCompleted && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!loop.IsCompleted && !controller.Supervisor.Check())
                {
                    probe.Beat();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stop: the loop ends below
        }

        try
        {
            await loop.ConfigureAwait(false);
        }
        finally
        {
            // The loop's exit already left the outputs safe; disposing makes any later command a no-op on a stopped EVSE.
            await controller.DisposeAsync().ConfigureAwait(false);
        }
    }
}
