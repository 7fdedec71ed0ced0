using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.SmartCharging.Limits;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.SmartCharging.LoadBalancing;

/// <summary>
/// Reads the grid (site) meter every <see cref="GridMeterOptions.PollInterval"/> and hands the reading to the load
/// balancer. A failed read leaves the last reading, which turns stale after <see cref="GridMeterOptions.StaleAfter"/>
/// and then holds the chargers at their minimum.
/// </summary>
public sealed class GridMeterMonitor : BackgroundService
{
    private readonly IEnergyMeter _meter;
    private readonly ChargingLimitController _limits;
    private readonly GridMeterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GridMeterMonitor> _logger;

    /// <summary>Initializes a new instance of the <see cref="GridMeterMonitor"/> class.</summary>
    /// <param name="meter">The grid meter.</param>
    /// <param name="limits">The load balancer.</param>
    /// <param name="options">Fuse, margin, interval.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public GridMeterMonitor(IEnergyMeter meter, ChargingLimitController limits, GridMeterOptions options, TimeProvider time, ILogger<GridMeterMonitor> logger)
    {
        _meter = meter;
        _limits = limits;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Reads the meter once and reports it.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reading = await _meter.ReadAsync(cancellationToken).ConfigureAwait(false);
            _limits.UpdateGrid(reading);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            SmartChargingLog.Failed(_logger, "grid meter read", ex);
            _limits.UpdateGrid(null);
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        do
        {
            await PollOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
