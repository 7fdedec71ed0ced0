using System.Threading.Channels;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Queue;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// Delivers monitoring events in the order they happened: to the monitor's periodic event stream when one is open
/// (N15), otherwise as a NotifyEventRequest (seqNo 0, one event each, N07.FR.07) through the outbound queue. While
/// offline only events at or below <c>OfflineQueuingSeverity</c> are queued — durably, as the queue is SQLite in
/// production — the others are dropped (N07.FR.04, N08.FR.03). "Offline" means the link was lost after the CSMS had
/// accepted the station; events before the first acceptance wait in the queue like every other message.
/// </summary>
public sealed class MonitoringEventSink : IAsyncDisposable
{
    private static readonly QueuePolicy Online = new(IsTransactional: false, MaxAttempts: 3, RetryInterval: TimeSpan.FromSeconds(30));
    private static readonly QueuePolicy OfflineQueued = new(IsTransactional: true, MaxAttempts: 3, RetryInterval: TimeSpan.FromSeconds(30));
    private readonly IStationMessageSender _sender;
    private readonly IOcppStatusSource _status;
    private readonly StationDeviceModel _model;
    private readonly PeriodicEventStreams _streams;
    private readonly ILogger _logger;
    private readonly Channel<(EventDataType Data, bool Offline)> _events = Channel.CreateUnbounded<(EventDataType, bool)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    /// <summary>Initializes a new instance of the <see cref="MonitoringEventSink"/> class and starts delivering.</summary>
    /// <param name="sender">Queue access.</param>
    /// <param name="status">Connection state.</param>
    /// <param name="model">Device model (OfflineQueuingSeverity).</param>
    /// <param name="streams">Open periodic event streams.</param>
    /// <param name="logger">Logger.</param>
    public MonitoringEventSink(IStationMessageSender sender, IOcppStatusSource status, StationDeviceModel model, PeriodicEventStreams streams, ILogger logger)
    {
        _sender = sender;
        _status = status;
        _model = model;
        _streams = streams;
        _logger = logger;
        _pump = Task.Run(() => PumpAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Delivers one event (never blocks; safe from the EVSE loop thread).</summary>
    /// <param name="data">The event.</param>
    public void Post(EventDataType data)
    {
        ArgumentNullException.ThrowIfNull(data);

        // N15: a streamed monitor's values go to its stream; cleared/fault events keep their own NotifyEvent.
        if (data.VariableMonitoringId is { } id && data.Cleared != true && data.TechCode is null && _streams.TryBuffer(id, data.Timestamp, data.ActualValue))
        {
            return;
        }

        var offline = _status.Registration == RegistrationState.Accepted && !_status.IsConnected;
        var limit = _model.GetInt(DeviceModelCatalog.MonitoringCtrlr, "OfflineQueuingSeverity", 2);
        var severity = data.Severity ?? 9;
        if (offline && severity > limit)
        {
            MonitoringLog.DroppedOffline(_logger, data.EventId, severity, limit);
            return;
        }

        _events.Writer.TryWrite((data, offline));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        await foreach (var (data, offline) in _events.Reader.ReadAllAsync(stop).ConfigureAwait(false))
        {
            var request = new NotifyEventRequest { GeneratedAt = data.Timestamp, SeqNo = 0, EventData = [data] };
            try
            {
                await _sender.EnqueueAsync(request, offline ? OfflineQueued : Online, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                MonitoringLog.QueueFailed(_logger, data.EventId, ex);
            }
        }
    }
}
