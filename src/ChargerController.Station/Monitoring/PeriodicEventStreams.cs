using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// The OCPP 2.1 periodic event streams (N11-N15): opened with OpenPeriodicEventStream for monitors that ask for one
/// (stream id = monitor id), fed with the monitor's values, flushed as NotifyPeriodicEventStream SEND frames every
/// <c>interval</c> seconds or once <c>values</c> values are buffered, closed (after a final flush, N13.FR.03) when the
/// monitor goes. A stream the CSMS rejects, or any stream on an OCPP 2.0.1 link, is not used: the monitor reports with
/// NotifyEvent (N11.FR.07, N13.FR.04).
/// </summary>
public sealed class PeriodicEventStreams : IAsyncDisposable
{
    /// <summary>Values kept per stream while SEND is impossible (offline); the oldest go first.</summary>
    public const int MaxBuffered = 1000;

    private readonly IStationMessageSender _sender;
    private readonly IStationUnconfirmedSender _unconfirmed;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<int> _maxStreams;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, OpenStream> _streams = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Initializes a new instance of the <see cref="PeriodicEventStreams"/> class.</summary>
    /// <param name="sender">CALL sender (Open/Close).</param>
    /// <param name="unconfirmed">SEND sender (NotifyPeriodicEventStream).</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="maxStreams">Reads <c>MaxPeriodicEventStreams</c>.</param>
    public PeriodicEventStreams(IStationMessageSender sender, IStationUnconfirmedSender unconfirmed, TimeProvider time, ILogger logger, Func<int> maxStreams)
    {
        _sender = sender;
        _unconfirmed = unconfirmed;
        _time = time;
        _logger = logger;
        _maxStreams = maxStreams;
    }

    /// <summary>Gets the open streams (GetPeriodicEventStream, N12.FR.01).</summary>
    /// <returns>Their constant data.</returns>
    public ConstantStreamDataType[] List()
    {
        lock (_gate)
        {
            return [.. _streams.Values.OrderBy(s => s.Id).Select(s => s.ConstantData())];
        }
    }

    /// <summary>Gets whether a monitor's values currently go to a stream.</summary>
    /// <param name="monitorId">The monitor.</param>
    /// <returns>True when open.</returns>
    public bool IsOpen(int monitorId)
    {
        lock (_gate)
        {
            return _streams.ContainsKey(monitorId);
        }
    }

    /// <summary>Opens (or re-parameterises) the stream of a monitor (N11.FR.02/03).</summary>
    /// <param name="monitor">The monitor with its stream parameters.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Whether the stream is open.</returns>
    public async Task<bool> OpenAsync(VariableMonitor monitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        if (monitor.Stream is not { } parameters)
        {
            return false;
        }

        lock (_gate)
        {
            if (_streams.TryGetValue(monitor.Id, out var existing))
            {
                existing.Parameters = parameters;
                RestartTimer(existing);
                return true;
            }

            if (_streams.Count >= _maxStreams())
            {
                return false;
            }
        }

        var request = new OpenPeriodicEventStreamRequest
        {
            ConstantStreamData = new ConstantStreamDataType { Id = monitor.Id, VariableMonitoringId = monitor.Id, Params = ToWire(parameters) },
        };
        OpenPeriodicEventStreamResponse response;
        try
        {
            response = await _sender.CallAsync<OpenPeriodicEventStreamRequest, OpenPeriodicEventStreamResponse>(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // N11.FR.07: no stream (2.0.1 link, CALLERROR, timeout): the monitor keeps using NotifyEvent.
            MonitoringLog.StreamFailed(_logger, monitor.Id, "open", ex);
            return false;
        }

        if (response.Status != GenericStatusEnumType.Accepted)
        {
            MonitoringLog.StreamState(_logger, monitor.Id, "rejected by the CSMS");
            return false;
        }

        lock (_gate)
        {
            var stream = new OpenStream(monitor.Id, parameters);
            _streams[monitor.Id] = stream;
            RestartTimer(stream);
        }

        MonitoringLog.StreamState(_logger, monitor.Id, "open");
        return true;
    }

    /// <summary>Buffers a value of a monitor whose stream is open (N15 scenario 1).</summary>
    /// <param name="monitorId">The monitor.</param>
    /// <param name="at">When the value was produced.</param>
    /// <param name="value">The value.</param>
    /// <returns>False when the monitor has no open stream (report with NotifyEvent instead).</returns>
    public bool TryBuffer(int monitorId, DateTimeOffset at, string value)
    {
        bool flush;
        lock (_gate)
        {
            if (!_streams.TryGetValue(monitorId, out var stream))
            {
                return false;
            }

            if (stream.Buffer.Count >= MaxBuffered)
            {
                stream.Buffer.RemoveAt(0);
            }

            stream.Buffer.Add((at, value));
            flush = stream.Parameters.Values is > 0 and var values && stream.Buffer.Count >= values;
        }

        if (flush)
        {
            // N15.FR.08: as soon as `values` values are available.
            _ = FlushSafelyAsync(monitorId, all: false);
        }

        return true;
    }

    /// <summary>Changes a stream's parameters (N14).</summary>
    /// <param name="id">The stream id.</param>
    /// <param name="parameters">New parameters.</param>
    /// <returns>Accepted, or Rejected for an unknown stream or parameters without interval and values (N14.FR.02/03).</returns>
    public GenericStatusEnumType Adjust(int id, PeriodicEventStreamParamsType parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Interval is < 0 || parameters.Values is < 0 || (parameters.Interval is null or 0 && parameters.Values is null or 0))
        {
            return GenericStatusEnumType.Rejected;
        }

        lock (_gate)
        {
            if (!_streams.TryGetValue(id, out var stream))
            {
                return GenericStatusEnumType.Rejected;
            }

            stream.Parameters = new StreamParameters(parameters.Interval, parameters.Values);
            RestartTimer(stream);
        }

        return GenericStatusEnumType.Accepted;
    }

    /// <summary>Flushes and closes a monitor's stream (N13.FR.01/03/05/06); no-op when none is open.</summary>
    /// <param name="monitorId">The monitor.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public async Task CloseAsync(int monitorId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(monitorId, out var stream))
            {
                return;
            }

            stream.Timer.Cancel();
        }

        await FlushSafelyAsync(monitorId, all: true).ConfigureAwait(false);
        lock (_gate)
        {
            if (_streams.Remove(monitorId, out var stream))
            {
                stream.Timer.Dispose();
            }
        }

        try
        {
            _ = await _sender.CallAsync<ClosePeriodicEventStreamRequest, ClosePeriodicEventStreamResponse>(new ClosePeriodicEventStreamRequest { Id = monitorId }, cancellationToken).ConfigureAwait(false);
            MonitoringLog.StreamState(_logger, monitorId, "closed");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MonitoringLog.StreamFailed(_logger, monitorId, "close", ex);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var stream in _streams.Values)
            {
                stream.Timer.Dispose();
            }

            _streams.Clear();
        }

        _stop.Dispose();
        _sendLock.Dispose();
    }

    private static PeriodicEventStreamParamsType ToWire(StreamParameters parameters) => new() { Interval = parameters.Interval, Values = parameters.Values };

    private void RestartTimer(OpenStream stream)
    {
        stream.Timer.Cancel();
        stream.Timer.Dispose();
        stream.Timer = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        if (stream.Parameters.Interval is > 0 and var interval)
        {
            _ = RunIntervalAsync(stream.Id, TimeSpan.FromSeconds(interval), stream.Timer.Token);
        }
    }

    private async Task RunIntervalAsync(int id, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // N15.FR.06: a message every `interval` seconds (when there is something to send).
                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
                await FlushSafelyAsync(id, all: false).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stream closed, adjusted or the station stops.
        }
    }

    private async Task FlushSafelyAsync(int id, bool all)
    {
        try
        {
            await FlushAsync(id, all).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MonitoringLog.StreamFailed(_logger, id, "flush", ex);
        }
    }

    private async Task FlushAsync(int id, bool all)
    {
        try
        {
            await _sendLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            do
            {
                NotifyPeriodicEventStream message;
                lock (_gate)
                {
                    if (!_streams.TryGetValue(id, out var stream) || stream.Buffer.Count == 0 || !_unconfirmed.CanSendUnconfirmed)
                    {
                        return;
                    }

                    // N15.FR.07: at most `values` values per message; N15.FR.04: the rest is `pending`.
                    var take = stream.Parameters.Values is > 0 and var max ? Math.Min(max, stream.Buffer.Count) : stream.Buffer.Count;
                    var batch = stream.Buffer.GetRange(0, take);
                    var basetime = batch[0].At;
                    message = new NotifyPeriodicEventStream
                    {
                        Id = id,
                        Pending = stream.Buffer.Count - take,

                        // N15.FR.09: basetime is the first value's time, so its offset is 0.
                        Basetime = basetime,
                        Data = [.. batch.Select(v => new StreamDataElementType { T = (decimal)(v.At - basetime).TotalSeconds, V = v.Value })],
                    };
                    stream.Buffer.RemoveRange(0, take);
                }

                await _unconfirmed.SendUnconfirmedAsync(message, _stop.Token).ConfigureAwait(false);
            }
            while (all);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private sealed class OpenStream(int id, StreamParameters parameters)
    {
        public int Id { get; } = id;

        public StreamParameters Parameters { get; set; } = parameters;

        public List<(DateTimeOffset At, string Value)> Buffer { get; } = [];

        public CancellationTokenSource Timer { get; set; } = new();

        public ConstantStreamDataType ConstantData() => new() { Id = Id, VariableMonitoringId = Id, Params = ToWire(Parameters) };
    }
}
