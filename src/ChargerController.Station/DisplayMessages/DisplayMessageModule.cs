using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// OCPP block O on this station: the message book, the CSMS handlers (SetDisplayMessage, GetDisplayMessages,
/// ClearDisplayMessage) and the display loop that removes expired and ended-transaction messages and tells every
/// <see cref="IDisplayMessageSink"/> what to show.
/// </summary>
public sealed class DisplayMessageModule : IStationModule, IDisposable
{
    private readonly IDisplayStateSource _state;
    private readonly IReadOnlyList<IDisplayMessageSink> _sinks;
    private readonly IDriverLanguageSource? _driverLanguages;
    private readonly Lock _gate = new();
    private StationDeviceModel? _model;
    private TimeProvider _time = TimeProvider.System;
    private ILogger _logger = NullLogger.Instance;
    private ITimer? _timer;
    private DisplayedMessage? _shown;

    /// <summary>Initializes a new instance of the <see cref="DisplayMessageModule"/> class.</summary>
    /// <param name="book">The messages.</param>
    /// <param name="state">The station state the messages are shown in.</param>
    /// <param name="sinks">The displays.</param>
    /// <param name="options">Tuning.</param>
    /// <param name="driverLanguages">The EV driver's preferred languages (O01.FR.08), when known.</param>
    public DisplayMessageModule(DisplayMessageBook book, IDisplayStateSource state, IEnumerable<IDisplayMessageSink> sinks, DisplayMessageOptions? options = null, IDriverLanguageSource? driverLanguages = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sinks);
        Book = book;
        _state = state;
        _sinks = [.. sinks];
        _driverLanguages = driverLanguages;
        Options = options ?? new DisplayMessageOptions();
    }

    /// <summary>Gets the configured messages.</summary>
    public DisplayMessageBook Book { get; }

    /// <summary>Gets the tuning.</summary>
    public DisplayMessageOptions Options { get; }

    /// <summary>Gets the message shown now (as last given to the sinks).</summary>
    public DisplayedMessage? Shown
    {
        get
        {
            lock (_gate)
            {
                return _shown;
            }
        }
    }

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _model = context.DeviceModel;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger<DisplayMessageModule>();
        context.Register(new SetDisplayMessageHandler(this));
        context.Register(new GetDisplayMessagesHandler(this, context.Sender, _logger));
        context.Register(new ClearDisplayMessageHandler(this, _logger));
        Book.Changed += OnBookChanged;
        _state.Changed += OnStateChanged;
        UpdateCount();
        _timer = _time.CreateTimer(_ => Tick(), null, Options.TickInterval, Options.TickInterval);
        Refresh();
    }

    /// <summary>Reads what the display supports from DisplayMessageCtrlr now.</summary>
    /// <returns>The capabilities.</returns>
    public DisplayCapabilities Capabilities()
    {
        var model = _model ?? throw new InvalidOperationException("Not attached.");
        var ctrlr = DeviceModelCatalog.DisplayMessageCtrlr;
        var capacity = model.Find(VariableKey.Of(ctrlr, "DisplayMessages"), out var counter) == VariableLookup.Found && counter?.MaxLimit is { } max
            ? (int)max
            : DeviceModelCatalog.DisplayMessageCapacity;
        IReadOnlyList<string>? languages = null;
        string? defaultLanguage = null;
        if (model.Find(VariableKey.Of(ctrlr, "Language"), out var language) == VariableLookup.Found && language is not null)
        {
            languages = (language.ValuesList ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            defaultLanguage = model.GetValue(language.Key);
        }

        return new DisplayCapabilities(
            model.GetBool(ctrlr, "Enabled", true),
            capacity,
            Members<MessageFormatEnumType>(model.GetValue(VariableKey.Of(ctrlr, "SupportedFormats"))),
            Members<MessagePriorityEnumType>(model.GetValue(VariableKey.Of(ctrlr, "SupportedPriorities"))),
            Members<MessageStateEnumType>(model.GetValue(VariableKey.Of(ctrlr, "SupportedStates"))),
            languages,
            defaultLanguage);
    }

    /// <summary>Handles a SetDisplayMessageRequest's message (O01, O02, O06).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The status and an optional reason.</returns>
    public (DisplayMessageStatusEnumType Status, string? Reason) Set(MessageInfoType message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var capabilities = Capabilities();
        var (status, reason) = SetDisplayMessageRules.Check(message, capabilities, _state.GetState().ActiveTransactionIds);
        if (status == DisplayMessageStatusEnumType.Accepted)
        {
            try
            {
                status = Book.Set(message, capabilities.Capacity);
                reason = status == DisplayMessageStatusEnumType.Accepted ? null : $"At most {capabilities.Capacity} messages";
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                DisplayMessageLog.StoreFailed(_logger, e);
                (status, reason) = (DisplayMessageStatusEnumType.Rejected, "Storage failure");
            }
        }

        DisplayMessageLog.SetAnswered(_logger, message.Id, message.Priority, status);
        return (status, reason);
    }

    /// <summary>Removes what is no longer valid and shows what is due (also called by the timer).</summary>
    public void Tick()
    {
        try
        {
            var removed = Book.RemoveExpired(_time.GetUtcNow());
            if (removed.Count > 0)
            {
                DisplayMessageLog.Removed(_logger, removed.Count, "endDateTime passed");
            }

            Refresh();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            DisplayMessageLog.StoreFailed(_logger, e);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _timer?.Dispose();
        Book.Changed -= OnBookChanged;
        _state.Changed -= OnStateChanged;
        (_state as IDisposable)?.Dispose();
    }

    private static HashSet<T> Members<T>(string? list)
        where T : struct, Enum =>
        [.. (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => Enum.TryParse<T>(v, ignoreCase: false, out var value) ? (T?)value : null)
            .OfType<T>()];

    private void OnBookChanged(object? sender, EventArgs e)
    {
        UpdateCount();
        Refresh();
    }

    private void OnStateChanged(object? sender, EventArgs e)
    {
        try
        {
            // O02.FR.02: a transaction-bound message goes when its transaction ends.
            var removed = Book.RemoveEndedTransactions(_state.GetState().ActiveTransactionIds);
            if (removed.Count > 0)
            {
                DisplayMessageLog.Removed(_logger, removed.Count, "transaction ended");
            }

            Refresh();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            DisplayMessageLog.StoreFailed(_logger, ex);
        }
    }

    private void UpdateCount() =>
        _model?.SetByStation(VariableKey.Of(DeviceModelCatalog.DisplayMessageCtrlr, "DisplayMessages"), Book.Count.ToString(CultureInfo.InvariantCulture));

    private void Refresh()
    {
        if (_model is null)
        {
            return;
        }

        lock (_gate)
        {
            var next = DisplayMessageSelector.Select(
                Book.Snapshot(),
                _time.GetUtcNow(),
                _state.GetState(),
                Capabilities(),
                _driverLanguages?.GetPreferredLanguages() ?? [],
                Options.CycleInterval);
            if (next == _shown)
            {
                return;
            }

            _shown = next;
            if (next is null)
            {
                DisplayMessageLog.ShowingNone(_logger);
            }
            else
            {
                DisplayMessageLog.Showing(_logger, next.Id);
            }

            foreach (var sink in _sinks)
            {
                try
                {
                    sink.Show(next);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    DisplayMessageLog.SinkFailed(_logger, e);
                }
            }
        }
    }
}
