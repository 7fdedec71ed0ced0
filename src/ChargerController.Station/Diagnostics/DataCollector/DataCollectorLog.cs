using System.Globalization;
using System.Text;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics.LogUpload;
using ChargerController.Station.MeterValues;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Diagnostics.DataCollector;

/// <summary>
/// The DataCollector (Part 2 §2.18.8, N01 alternative scenario): while <c>DataCollector.Enabled</c> of an EVSE is true
/// and the clock lies in [DateTime[Start], DateTime[End]), the EVSE's energy meter is sampled every
/// <c>SamplingInterval</c> seconds for the <c>SampledMeasurands</c>, and each value is kept as one line
/// "timestamp evse=N measurand[.phase] value unit". GetLog DataCollectorLog uploads the lines (N01.FR.24) and, as
/// SampledMeasurands' description says, the log is cleared once retrieved. The station's data collector data are its
/// meter readings: that is the only high-rate measurement this hardware has. Samples live in memory (bounded, oldest
/// dropped first) and do not survive a restart.
/// </summary>
public sealed class DataCollectorLog : IStationModule, ILogSource, IAsyncDisposable
{
    private readonly IReadOnlyDictionary<int, IEnergyMeter> _meters;
    private readonly int _maxSamples;
    private readonly Queue<(DateTimeOffset At, string Line)> _samples = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly Dictionary<int, SemaphoreSlim> _wake = [];
    private StationDeviceModel? _model;
    private TimeProvider _time;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="DataCollectorLog"/> class.</summary>
    /// <param name="meters">The energy meter of each EVSE.</param>
    /// <param name="time">Clock; replaced by the runtime's on attach.</param>
    /// <param name="maxSamples">Upper bound of lines kept.</param>
    public DataCollectorLog(IReadOnlyDictionary<int, IEnergyMeter> meters, TimeProvider time, int maxSamples = 200_000)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSamples);
        _meters = meters;
        _time = time;
        _maxSamples = maxSamples;
    }

    /// <summary>Gets the number of sample lines held.</summary>
    public int SampleCount
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _model = context.DeviceModel;
        _time = context.Time;
        lock (_gate)
        {
            if (_loops.Count > 0)
            {
                return;
            }

            _model.Changed += OnVariableChanged;
            foreach (var (evse, meter) in _meters)
            {
                _wake[evse] = new SemaphoreSlim(0, 1);
                _loops.Add(Task.Run(() => SampleLoopAsync(evse, meter, _stop.Token), CancellationToken.None));
            }
        }
    }

    /// <inheritdoc/>
    public bool Supports(LogEnumType logType) => logType == LogEnumType.DataCollectorLog && _meters.Count > 0;

    /// <inheritdoc/>
    public Task<LogFile> CollectAsync(LogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = new StringBuilder();
        lock (_gate)
        {
            foreach (var (at, line) in _samples)
            {
                if (query.Contains(at))
                {
                    text.Append(line).Append('\n');
                }
            }

            // §2.18.8.4: appended until retrieved by GetLog(DataCollectorLog), after which it is cleared.
            _samples.Clear();
        }

        return Task.FromResult(new LogFile(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        Task[] loops;
        lock (_gate)
        {
            loops = [.. _loops];
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
        if (_model is { } model)
        {
            model.Changed -= OnVariableChanged;
        }

        foreach (var wake in _wake.Values)
        {
            wake.Dispose();
        }

        _stop.Dispose();
    }

    private async Task SampleLoopAsync(int evse, IEnergyMeter meter, CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested)
            {
                // Disabled (the default): sleep until a DataCollector variable of this EVSE changes instead of waking
                // every SamplingInterval for nothing; an idle charger must stay idle.
                if (!IsEnabled(evse))
                {
                    await _wake[evse].WaitAsync(token).ConfigureAwait(false);
                    continue;
                }

                // The next tick is armed before this one samples, so a slow meter read does not stretch the interval.
                var next = Task.Delay(Interval(evse), _time, token);
                await next.ConfigureAwait(false);
                if (IsCollecting(evse))
                {
                    await SampleAsync(evse, meter, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Station stops.
        }
    }

    private async Task SampleAsync(int evse, IEnergyMeter meter, CancellationToken token)
    {
        MeterReading reading;
        try
        {
            reading = await meter.ReadAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missed sample is a gap in the log, not a reason to stop collecting.
            return;
        }

        var now = _time.GetUtcNow();
        var configured = _model?.GetValue(Key(evse, "SampledMeasurands"));
        var measurands = MeasurandList.Parse(configured);

        // The log speaks the wire names ("Energy.Active.Import.Register"), as configured.
        var names = (configured ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(n => n.Replace(".", string.Empty, StringComparison.Ordinal), n => n, StringComparer.Ordinal);
        if (MeterValueBuilder.Build(reading, measurands, ReadingContextEnumType.SamplePeriodic, now, 0) is not { } value)
        {
            return;
        }

        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            foreach (var sample in value.SampledValue)
            {
                var member = (sample.Measurand ?? MeasurandEnumType.EnergyActiveImportRegister).ToString();
                var name = names.GetValueOrDefault(member, member);
                var phase = sample.Phase is { } p ? "." + PhaseName(p) : string.Empty;
                var unit = sample.UnitOfMeasure?.Unit is { } u ? " " + u : string.Empty;
                _samples.Enqueue((now, string.Create(CultureInfo.InvariantCulture, $"{stamp} evse={evse} {name}{phase} {sample.Value}{unit}")));
                if (_samples.Count > _maxSamples)
                {
                    _samples.Dequeue();
                }
            }
        }
    }

    private void OnVariableChanged(object? sender, VariableChangedEventArgs e)
    {
        if (e.Key.Component == DeviceModelCatalog.DataCollector && e.Key.EvseId is { } evse && _wake.TryGetValue(evse, out var wake) && wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
            {
                // Already signalled by a concurrent change (one wake-up is enough), or the station is stopping.
            }
        }
    }

    private bool IsEnabled(int evse) =>
        _model is { } model && string.Equals(model.GetValue(Key(evse, "Enabled")), "true", StringComparison.OrdinalIgnoreCase);

    private bool IsCollecting(int evse)
    {
        if (_model is not { } model || !IsEnabled(evse))
        {
            return false;
        }

        // §2.18.8.2/3: time >= DateTime["Start"] and time < DateTime["End"]; an unset bound does not limit.
        var now = _time.GetUtcNow();
        return (Time(model.GetValue(Key(evse, "DateTime", "Start"))) is not { } start || now >= start)
            && (Time(model.GetValue(Key(evse, "DateTime", "End"))) is not { } end || now < end);
    }

    private TimeSpan Interval(int evse)
    {
        var text = _model?.GetValue(Key(evse, "SamplingInterval"));
        var seconds = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var s) ? s : 1m;
        return TimeSpan.FromSeconds((double)Math.Clamp(seconds, 0.1m, 3600m));
    }

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    private static VariableKey Key(int evse, string variable, string? instance = null) =>
        new(DeviceModelCatalog.DataCollector, null, evse, null, variable, instance);

    private static string PhaseName(PhaseEnumType phase) => phase.ToString();
}
