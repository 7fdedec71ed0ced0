using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace ChargerController.Worker.Health;

/// <summary>
/// Sends <c>WATCHDOG=1</c> every half <c>WatchdogSec</c> while <see cref="StationHealth"/> is healthy.
/// Microsoft.Extensions.Hosting.Systemd reads neither WATCHDOG_USEC nor pets the watchdog (dotnet/extensions #1241),
/// so we do it here, from the loops' health rather than a bare timer.
/// </summary>
internal sealed partial class SystemdWatchdogService(
    StationHealth health, ISystemdNotifier notifier, TimeProvider time, ILogger<SystemdWatchdogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled
            || !long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var usec)
            || usec <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMicroseconds(usec / 2.0), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var stale = health.StaleProbes();
            if (stale.Count == 0)
            {
                notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
            else
            {
                LogStale(logger, string.Join(", ", stale));
            }
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Watchdog not fed: stalled loops {Probes}")]
    private static partial void LogStale(ILogger logger, string probes);
}
