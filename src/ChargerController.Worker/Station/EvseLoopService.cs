using ChargerController.Station.Evse;
using ChargerController.Worker.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargerController.Worker.Station;

/// <summary>
/// Runs one EVSE loop for the life of the host and feeds its <see cref="HealthProbe"/> only while the loop task runs and
/// its supervisor sees steps, so the systemd watchdog stops being fed when an EVSE loop dies or hangs. Host stop
/// cancels the loop, whose exit path leaves the contactor open and the pilot in state F.
/// </summary>
internal sealed class EvseLoopService(EvseController controller, StationHealth health, TimeProvider time, ILogger? logger = null) : BackgroundService
{
    // Every log line of this EVSE's loop carries EvseId=N (journald: on the line, so `journalctl -u chargercontroller | grep EvseId=2` works).
    private static readonly Func<ILogger, int, IDisposable?> EvseScope = LoggerMessage.DefineScope<int>("EvseId={EvseId}");

    // Stale after 2 s without a beat, well inside the unit's WatchdogSec=10s; a slower probe costs an idle station less.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = logger is null ? null : EvseScope(logger, controller.EvseId);
        var probe = health.Register($"evse-{controller.EvseId}", ProbeInterval * 2);
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
