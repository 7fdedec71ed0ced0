using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// The monitoring block (N02-N08, 2.1 periodic event streams N11-N15) plugged into the runtime: registers the
/// CSMS-initiated handlers, loads the monitors and watches the device model and the EVSE faults.
/// </summary>
public sealed class MonitoringModule : IStationModule, IAsyncDisposable
{
    private readonly IMonitorStore _store;
    private readonly IEvseEventFeed? _feed;
    private readonly CancellationTokenSource _stop = new();
    private PeriodicEventStreams? _streams;
    private MonitoringEventSink? _sink;
    private MonitoringEngine? _engine;
    private FaultMonitorBridge? _bridge;
    private EvseAvailabilityMirror? _mirror;
    private ILogger? _logger;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="MonitoringModule"/> class.</summary>
    /// <param name="store">Durable custom monitors.</param>
    /// <param name="feed">EVSE events for the hard-wired fault monitors, or null without EVSE loops.</param>
    public MonitoringModule(IMonitorStore store, IEvseEventFeed? feed = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _feed = feed;
    }

    /// <summary>Gets the engine (after <see cref="Attach"/>), e.g. to publish Target values for TargetDelta monitors.</summary>
    public MonitoringEngine Engine => _engine ?? throw new InvalidOperationException("The monitoring block is not attached yet.");

    /// <summary>Gets the periodic event streams (after <see cref="Attach"/>).</summary>
    public PeriodicEventStreams Streams => _streams ?? throw new InvalidOperationException("The monitoring block is not attached yet.");

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_engine is not null)
        {
            throw new InvalidOperationException("The monitoring block is attached to one runtime only.");
        }

        var model = context.DeviceModel;
        _logger = context.LoggerFactory.CreateLogger<MonitoringModule>();
        _streams = new PeriodicEventStreams(context.Sender, context.UnconfirmedSender, context.Time, _logger, () => model.GetInt(DeviceModelCatalog.MonitoringCtrlr, "MaxPeriodicEventStreams", 8));
        _sink = new MonitoringEventSink(context.Sender, context.Status, model, _streams, _logger);
        _engine = new MonitoringEngine(model, _store, _sink, context.Time, _logger);
        _engine.Removed += OnMonitorRemoved;

        context.Register(new SetVariableMonitoringHandler(_engine, _streams, model));
        context.Register(new ClearVariableMonitoringHandler(_engine, model));
        context.Register(new SetMonitoringBaseHandler(_engine));
        context.Register(new SetMonitoringLevelHandler(model));
        context.Register(new GetMonitoringReportHandler(_engine, model, context.Sender, context.Time, _logger));
        context.Register(new GetPeriodicEventStreamHandler(_streams));
        context.Register<AdjustPeriodicEventStreamRequest, AdjustPeriodicEventStreamResponse>(new AdjustPeriodicEventStreamHandler(_streams));

        _mirror = new EvseAvailabilityMirror(model);
        _engine.Start();
        if (_feed is not null)
        {
            _bridge = new FaultMonitorBridge(_feed, _engine, model);
        }

        // N11: streams of persisted monitors are opened again once the CSMS accepted the station (CallAsync waits).
        foreach (var monitor in _engine.ActiveMonitors.Where(m => m.Stream is not null))
        {
            _ = _streams.OpenAsync(monitor, _stop.Token);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // DI disposes the instance once per registration (as itself and as IStationModule).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _bridge?.Dispose();
        _mirror?.Dispose();
        if (_engine is not null)
        {
            _engine.Removed -= OnMonitorRemoved;
            await _engine.DisposeAsync().ConfigureAwait(false);
        }

        if (_sink is not null)
        {
            await _sink.DisposeAsync().ConfigureAwait(false);
        }

        if (_streams is not null)
        {
            await _streams.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private void OnMonitorRemoved(object? sender, VariableMonitor monitor)
    {
        // N13.FR.05: removing the monitor closes its stream.
        if (_streams is { } streams && streams.IsOpen(monitor.Id))
        {
            _ = streams.CloseAsync(monitor.Id, _stop.Token);
        }
    }
}
