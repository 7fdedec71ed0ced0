using ChargerController.Ocpp;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Messages.Availability;
using ChargerController.Ocpp.Messages.DataTransfer;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Messages.RemoteControl;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.Availability;
using ChargerController.Station.DataTransfer;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;
using ChargerController.Station.Provisioning;
using ChargerController.Station.RemoteControl;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Runtime;

/// <summary>
/// Owns the OCPP connection of the station: registers the block handlers, runs the boot sequence (B01-B03) and the
/// heartbeat (G02), gates traffic on the registration state, reports connector status (G01, B04) and drains the
/// outbound queue once accepted.
/// </summary>
public sealed partial class StationRuntime : IOcppStatusSource, IBootNotificationControl, IStationMessageSender, IStationUnconfirmedSender, IAsyncDisposable
{
    private readonly OcppConnection _connection;
    private readonly OutboundQueuePump _pump;
    private readonly IOutboundQueue _queue;
    private readonly StationDeviceModel _model;
    private readonly StationIdentity _identity;
    private readonly StationRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly StationClock _clock;
    private readonly ILogger _logger;
    private readonly IConnectorStatusSource _connectors;
    private readonly ResetHandler _reset;
    private readonly HandlerRegistry _handlers;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private TaskCompletionSource _bootNow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _bootLoopRunning;
    private CancellationTokenSource _heartbeatReschedule = new();
    private volatile RegistrationState _registration;
    private DateTimeOffset? _lastCsmsTime;
    private Task _bootLoop = Task.CompletedTask;
    private Task _heartbeatLoop = Task.CompletedTask;
    private bool _everConnected;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="StationRuntime"/> class.</summary>
    /// <param name="transport">The transport to the CSMS (WebSocket in production).</param>
    /// <param name="model">The device model.</param>
    /// <param name="identity">Station identity.</param>
    /// <param name="ports">Ports to the rest of the station.</param>
    /// <param name="options">Boot reason and retry.</param>
    /// <param name="time">Clock.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public StationRuntime(IOcppTransport transport, StationDeviceModel model, StationIdentity identity, StationPorts ports, StationRuntimeOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _model = model;
        _identity = identity;
        _options = options;

        // B01.FR.06: every time stamp the station writes follows the CSMS clock; timers keep running on the host clock.
        _clock = time as StationClock ?? new StationClock(time);
        _time = _clock;
        _connectors = ports.Connectors;
        _logger = loggerFactory.CreateLogger<StationRuntime>();
        var handlers = OcppStationProtocol.CreateHandlerRegistry();
        var timeout = TimeSpan.FromSeconds(model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "MessageTimeout", 30, "Default"));
        // The connection and the queue schedule on the host clock: a CSMS clock step must not move their due times.
        _connection = new OcppConnection(transport, handlers, OcppStationProtocol.CreateConnectionOptions(timeout), time, loggerFactory.CreateLogger<OcppConnection>());
        _queue = ports.OutboundQueue ?? new InMemoryOutboundQueue(time);
        _pump = new OutboundQueuePump(_connection, _queue, time, loggerFactory.CreateLogger<OutboundQueuePump>(), WaitRegisteredAsync);
        SecurityEvents = new SecurityEventReporter(this, _time);
        Availability = new AvailabilityManager(model, ports.Connectors, ports.Transactions);
        StatusReporter = new StatusNotificationReporter(this, Availability, ports.Connectors, model, _time);
        DataTransfer = new DataTransferClient(this);
        var reporter = new DeviceModelReporter(model, this, _time);
        model.RegisterLiveValue(VariableKey.Of(DeviceModelCatalog.ClockCtrlr, "DateTime"), _clock.Format);
        _reset = new ResetHandler(model, ports.Transactions, ports.Reset, SecurityEvents, ports.EvseReset, StatusReporter, this);
        if (ports.EvseReset is not null)
        {
            // B11.FR.10: with a per-EVSE reset port every EVSE announces AllowReset.
            foreach (var definition in model.Definitions.Where(d => d.Key.Component == DeviceModelCatalog.Evse && d.Key.Variable == "AllowReset").ToList())
            {
                model.RegisterLiveValue(definition.Key, () => "true");
            }
        }

        Register(handlers, new GetVariablesHandler(model), allowedWhilePending: true);
        Register(handlers, new SetVariablesHandler(model), allowedWhilePending: true);
        Register(handlers, new GetBaseReportHandler(reporter, options.SupportedReportBases), allowedWhilePending: true);
        Register(handlers, new GetReportHandler(reporter), allowedWhilePending: true);
        Register(handlers, new TriggerMessageHandler(this, this, StatusReporter, ports.Connectors, ports.TriggerSources), allowedWhilePending: true);
        Register<ResetRequest, ResetResponse>(handlers, _reset, allowedWhilePending: false);
        Register(handlers, new ChangeAvailabilityHandler(Availability, StatusReporter), allowedWhilePending: false);
        Register<DataTransferRequest, DataTransferResponse>(handlers, new DataTransferHandler(ports.Vendors), allowedWhilePending: false);

        _handlers = handlers;
        var context = new StationModuleContext(this, this, model, SecurityEvents, StatusReporter, Availability, _time, loggerFactory, this);
        foreach (var module in ports.Modules)
        {
            module.Attach(context);
        }

        _connection.StateChanged += OnConnectionStateChanged;
        _connectors.StatusChanged += OnConnectorStatusChanged;
        Availability.Changed += OnAvailabilityChanged;
        _model.Changed += OnVariableChanged;
    }

    /// <summary>Gets the availability state (ChangeAvailability).</summary>
    public AvailabilityManager Availability { get; }

    /// <summary>Gets the status reporter.</summary>
    public StatusNotificationReporter StatusReporter { get; }

    /// <summary>Gets the security event reporter (A04).</summary>
    public SecurityEventReporter SecurityEvents { get; }

    /// <summary>Gets the outgoing DataTransfer client (P01).</summary>
    public DataTransferClient DataTransfer { get; }

    /// <summary>Gets the device model.</summary>
    public StationDeviceModel DeviceModel => _model;

    /// <summary>Gets the station clock: the host clock corrected by the CSMS's <c>currentTime</c> (B01.FR.06).</summary>
    public StationClock Clock => _clock;

    /// <inheritdoc/>
    public bool IsConnected => _connection.IsConnected;

    /// <inheritdoc/>
    public string? Subprotocol => _everConnected ? OcppSubprotocol.NameOf(_connection.Version) : null;

    /// <inheritdoc/>
    public RegistrationState Registration => _registration;

    /// <inheritdoc/>
    public DateTimeOffset? LastCsmsTime
    {
        get
        {
            lock (_gate)
            {
                return _lastCsmsTime;
            }
        }
    }

    /// <summary>Connects and starts the boot sequence.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task completing once started (not once booted).</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A04: StartupOfTheDevice is queued now and delivered after the BootNotification was accepted.
        await SecurityEvents.RaiseAsync(SecurityEventReporter.StartupOfTheDevice, "Boot reason " + _options.BootReason, cancellationToken).ConfigureAwait(false);
        await _connection.StartAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _bootLoopRunning = true;
            _bootLoop = Task.Run(() => RunBootAsync(_options.BootReason, firstBoot: true, _stop.Token), CancellationToken.None);
        }
    }

    /// <summary>Sets the CALL timeout of the connection (the active network profile's messageTimeout, B09).</summary>
    /// <param name="timeout">The timeout.</param>
    internal void SetMessageTimeout(TimeSpan timeout) => _connection.MessageTimeout = timeout < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : timeout;

    /// <summary>Gets the CALL timeout of the connection now (the active network profile's messageTimeout, B09).</summary>
    internal TimeSpan MessageTimeout => _connection.MessageTimeout;

    private Task WaitRegisteredAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _registered.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until the CSMS accepted the BootNotification.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task.</returns>
    public Task WaitUntilAcceptedAsync(CancellationToken cancellationToken) => _accepted.Task.WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public void SendBootNotificationNow()
    {
        lock (_gate)
        {
            _bootNow.TrySetResult();
        }
    }

    /// <inheritdoc/>
    public void ReestablishRegistration()
    {
        lock (_gate)
        {
            if (_bootLoopRunning || _stop.IsCancellationRequested || _registration != RegistrationState.Accepted)
            {
                // A boot sequence under way sends its BootNotification on the new connection anyway.
                return;
            }

            // B10.FR.10: on the new connection the BootNotification goes first (B02.FR.02); until it is accepted the
            // queue and the blocks' requests wait, and CSMS requests are answered as before a first boot.
            _registration = RegistrationState.Unregistered;
            _registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _bootLoopRunning = true;

            // The reason of the last real boot: the station did not reboot, and the new CSMS has not heard why it last did.
            _bootLoop = Task.Run(() => RunBootAsync(_options.BootReason, firstBoot: false, _stop.Token), CancellationToken.None);
        }

        RuntimeLog.Reregistering(_logger);
    }

    /// <inheritdoc/>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken)
    {
        await WaitRegisteredAsync(cancellationToken).ConfigureAwait(false);
        await _connection.WaitUntilConnectedAsync(cancellationToken).ConfigureAwait(false);
        return await _connection.CallAsync<TRequest, TResponse>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<TResponse> CallRequestedAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken)
    {
        if (_registration == RegistrationState.Rejected)
        {
            throw new InvalidOperationException("B03.FR.02: nothing is sent while the registration is Rejected.");
        }

        var response = await _connection.CallAsync<TRequest, TResponse>(request, cancellationToken).ConfigureAwait(false);
        if (response is HeartbeatResponse heartbeat)
        {
            // A triggered Heartbeat (F06) carries the CSMS time as well (B01.FR.06).
            await SetClockAsync(heartbeat.CurrentTime, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <inheritdoc/>
    public bool CanSendUnconfirmed =>
        _registration == RegistrationState.Accepted && _connection.IsConnected && _connection.Version != OcppVersion.V201;

    /// <inheritdoc/>
    public async Task SendUnconfirmedAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
    {
        if (!CanSendUnconfirmed)
        {
            throw new InvalidOperationException("SEND needs an accepted OCPP 2.1 connection.");
        }

        try
        {
            _ = await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NotSupportedException or OcppConnectionLostException)
        {
            throw new InvalidOperationException("SEND failed: " + ex.Message, ex);
        }
    }

    /// <inheritdoc/>
    public async Task EnqueueAsync<TRequest>(TRequest request, QueuePolicy policy, CancellationToken cancellationToken) =>
        await _pump.EnqueueAsync(request, policy, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task EnqueueAsync<TRequest>(TRequest request, QueuePolicy policy, string messageId, CancellationToken cancellationToken) =>
        await _pump.EnqueueAsync(request, policy, messageId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _connection.StateChanged -= OnConnectionStateChanged;
        _connectors.StatusChanged -= OnConnectorStatusChanged;
        Availability.Changed -= OnAvailabilityChanged;
        _model.Changed -= OnVariableChanged;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_bootLoop, _heartbeatLoop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loops end by cancellation.
        }

        await _pump.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The transport's receive loop may surface its own abort while stopping; the connection is down either way.
        }

        _reset.Dispose();
        Availability.Dispose();
        StatusReporter.Dispose();
        _heartbeatReschedule.Dispose();
        _stop.Dispose();
    }

    /// <summary>Gets the outbound queue the pump drains (exposed to modules through <see cref="StationModuleContext"/>).</summary>
    internal IOutboundQueue OutboundQueue => _queue;

    /// <summary>Raised when a queued message left the queue (exposed to modules through <see cref="StationModuleContext"/>).</summary>
    internal event EventHandler<OutboundDeliveredEventArgs>? QueueDelivered
    {
        add => _pump.Delivered += value;
        remove => _pump.Delivered -= value;
    }

    /// <summary>Registers a block's handler, gated on the registration state (see <see cref="StationModuleContext.Register{TRequest,TResponse}"/>).</summary>
    internal void RegisterHandler<TRequest, TResponse>(IOcppRequestHandler<TRequest, TResponse> handler, bool allowedWhilePending) =>
        Register(_handlers, handler, allowedWhilePending);

    private void Register<TRequest, TResponse>(HandlerRegistry handlers, IOcppRequestHandler<TRequest, TResponse> handler, bool allowedWhilePending)
    {
        var gated = new GatedRequestHandler<TRequest, TResponse>(handler, () => _registration, allowedWhilePending, _logger);
        handlers.Register(gated, handler is IOcppAfterResponse<TRequest, TResponse> ? gated : null);
    }
}
