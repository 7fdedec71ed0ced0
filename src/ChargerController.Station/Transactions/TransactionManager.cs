using System.Collections.Concurrent;
using System.Threading.Channels;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Queue;
using ChargerController.Station.Authorization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Reservations;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;
using ChargerController.Station.SmartCharging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Transactions;

/// <summary>
/// The OCPP transaction block (E, J, F01-F05): turns EVSE events and sessions into TransactionEvent Started / Updated /
/// Ended per TxStartPoint / TxStopPoint, with seqNo, trigger reasons, meter values, and the idTokenInfo of the answers
/// applied. Every input is handled in order on one work loop, so no two events of a transaction race for a seqNo. Each
/// event is journaled (<see cref="ITransactionJournal"/>) before it is queued in the durable outbound queue, and open
/// transactions are continued or ended at start-up (E17).
/// </summary>
public sealed partial class TransactionManager : IStationTransactions, IStationModule, IAsyncDisposable
{
    private readonly Dictionary<int, EvseController> _evses;
    private readonly Dictionary<int, EvseTransactionState> _states;
    private readonly IReadOnlyDictionary<int, IEnergyMeter> _meters;
    private readonly SessionCoordinator _sessions;
    private readonly ITransactionJournal _journal;
    private readonly IIdTokenAuthorizer _authorizer;
    private readonly IReservationGate _reservations;
    private readonly IChargingProfileInstaller? _profiles;
    private readonly TransactionManagerOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<Tariffs.ITransactionCostSource?>? _costs;
    private readonly Channel<WorkItem> _work = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, string> _active = new();
    private readonly CancellationTokenSource _stop = new();
    private ILogger _logger = NullLogger.Instance;
    private StationModuleContext? _context;
    private Task _loop = Task.CompletedTask;
    private ITimer? _clockTimer;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="TransactionManager"/> class and subscribes to the EVSEs and sessions.</summary>
    /// <param name="evses">The EVSE controllers.</param>
    /// <param name="meters">Each EVSE's meter by evseId.</param>
    /// <param name="sessions">The session coordinator (authorization, local/remote stop).</param>
    /// <param name="journal">Durable store of open transactions.</param>
    /// <param name="authorizer">Receives the idTokenInfo of TransactionEventResponses (C10.FR.05).</param>
    /// <param name="reservations">Consumes the reservation a transaction uses (H03).</param>
    /// <param name="profiles">Smart charging's installer for RequestStartTransaction profiles, or <see langword="null"/>.</param>
    /// <param name="options">Host facts.</param>
    /// <param name="time">Clock for timestamps and meter-value timers.</param>
    /// <param name="costs">
    /// Gets the tariff block's cost view (local cost calculation, CostUpdated), read when a cost limit is checked (E16.FR.15/16);
    /// <see langword="null"/> (or returning null): only the totalCost of TransactionEventResponses counts.
    /// </param>
    public TransactionManager(
        IEnumerable<EvseController> evses,
        IReadOnlyDictionary<int, IEnergyMeter> meters,
        SessionCoordinator sessions,
        ITransactionJournal journal,
        IIdTokenAuthorizer authorizer,
        IReservationGate reservations,
        IChargingProfileInstaller? profiles,
        TransactionManagerOptions options,
        TimeProvider time,
        Func<Tariffs.ITransactionCostSource?>? costs = null)
    {
        ArgumentNullException.ThrowIfNull(evses);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _evses = evses.ToDictionary(e => e.EvseId);
        _states = _evses.Keys.ToDictionary(id => id, id => new EvseTransactionState(id));
        _meters = meters;
        _sessions = sessions;
        _journal = journal;
        _authorizer = authorizer;
        _reservations = reservations;
        _profiles = profiles;
        _options = options;
        _time = time;
        _costs = costs;

        // E17: what was open when the station stopped is settled before anything new happens.
        Post("start-up", ResumeOpenTransactionsAsync);
        foreach (var evse in _evses.Values)
        {
            var snapshot = evse.Snapshot;
            var state = _states[evse.EvseId];
            state.EvConnected = snapshot.ConnectorStatus == ConnectorStatus.Occupied;
            state.ChargingState = snapshot.ChargingState;
            evse.EventRaised += OnEvseEvent;
        }

        _sessions.SessionStarted += OnSessionStarted;
        _sessions.SessionEnded += OnSessionEnded;
    }

    /// <inheritdoc/>
    public event EventHandler<int>? TransactionStarted;

    /// <inheritdoc/>
    public event EventHandler<int>? TransactionEnded;

    /// <summary>Gets the session coordinator (RequestStartTransaction, UnlockConnector).</summary>
    public SessionCoordinator Sessions => _sessions;

    /// <summary>Gets the EVSE ids.</summary>
    public IReadOnlyCollection<int> EvseIds => _evses.Keys;

    /// <summary>Gets the smart-charging installer, or <see langword="null"/>.</summary>
    public IChargingProfileInstaller? ProfileInstaller => _profiles;

    /// <summary>Gets the reservation gate.</summary>
    public IReservationGate Reservations => _reservations;

    /// <summary>Gets the outbound queue once attached (GetTransactionStatus).</summary>
    public IOutboundQueue? OutboundQueue => _context?.OutboundQueue;

    /// <summary>Gets the device model once attached.</summary>
    public StationDeviceModel? DeviceModel => _context?.DeviceModel;

    /// <inheritdoc/>
    public bool HasActiveTransaction(int? evseId) => evseId is { } id ? _active.ContainsKey(id) : !_active.IsEmpty;

    /// <inheritdoc/>
    public string? GetTransactionId(int evseId) => _active.GetValueOrDefault(evseId);

    /// <summary>Gets the EVSE a running transaction is on.</summary>
    /// <param name="transactionId">The transactionId.</param>
    /// <returns>The EVSE id, or <see langword="null"/> when no such transaction runs.</returns>
    public int? EvseOf(string transactionId)
    {
        foreach (var (evse, id) in _active)
        {
            if (id == transactionId)
            {
                return evse;
            }
        }

        return null;
    }

    /// <summary>Gets the EVSE controller of an id.</summary>
    /// <param name="evseId">The EVSE id.</param>
    /// <returns>The controller, or <see langword="null"/>.</returns>
    public EvseController? Evse(int evseId) => _evses.GetValueOrDefault(evseId);

    /// <summary>Waits until every input received so far has been handled (tests in virtual time, diagnostics).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task.</returns>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => PostAndWaitAsync("idle", () => Task.CompletedTask, cancellationToken);

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_context is not null)
        {
            throw new InvalidOperationException("The transaction manager is attached to one runtime only.");
        }

        _context = context;
        _logger = context.LoggerFactory.CreateLogger<TransactionManager>();
        context.QueuedMessageDelivered += OnQueuedMessageDelivered;
        context.DeviceModel.Changed += OnVariableChanged;
        context.Register(new RemoteControl.RequestStartTransactionHandler(this));
        context.Register(new RemoteControl.RequestStopTransactionHandler(this));
        context.Register(new RemoteControl.GetTransactionStatusHandler(this));
        context.Register(new RemoteControl.UnlockConnectorHandler(this));
        ApplyConnectionTimeout();
        ApplyUnlockOnEvSideDisconnect();
        ApplyKeepOnEvSideDisconnect();
        ScheduleClock();
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    /// <inheritdoc/>
    public ValueTask EndAllAsync(string stoppedReason, CancellationToken cancellationToken)
    {
        var reason = Enum.TryParse<Ocpp.Enums.ReasonEnumType>(stoppedReason, ignoreCase: false, out var parsed) ? parsed : Ocpp.Enums.ReasonEnumType.Other;
        return new ValueTask(PostAndWaitAsync("end all", async () =>
        {
            foreach (var state in _states.Values.Where(s => s.Tx is not null))
            {
                await EndAsync(state, Ocpp.Enums.TriggerReasonEnumType.ResetCommand, reason).ConfigureAwait(false);
                _sessions.Stop(state.EvseId, SessionEndReason.Reset);
            }
        }, cancellationToken));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var evse in _evses.Values)
        {
            evse.EventRaised -= OnEvseEvent;
        }

        _sessions.SessionStarted -= OnSessionStarted;
        _sessions.SessionEnded -= OnSessionEnded;
        if (_context is not null)
        {
            _context.QueuedMessageDelivered -= OnQueuedMessageDelivered;
            _context.DeviceModel.Changed -= OnVariableChanged;
        }

        _work.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _clockTimer?.Dispose();
        foreach (var state in _states.Values)
        {
            state.SampledTimer?.Dispose();
            state.EndedSampleTimer?.Dispose();
            state.LimitTimer?.Dispose();
        }

        _stop.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> on the work loop and waits for it.</summary>
    /// <param name="what">For the log.</param>
    /// <param name="work">The work.</param>
    /// <param name="cancellationToken">Cancels the wait (not the work).</param>
    /// <returns>A task completing when the work completed.</returns>
    internal Task PostAndWaitAsync(string what, Func<Task> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_work.Writer.TryWrite(new WorkItem(what, work, done)))
        {
            return Task.FromException(new ObjectDisposedException(nameof(TransactionManager)));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    private void Post(string what, Func<Task> work) => _work.Writer.TryWrite(new WorkItem(what, work, null));

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var item in _work.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    await item.Work().ConfigureAwait(false);
                    item.Done?.TrySetResult();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    TransactionLog.WorkFailed(_logger, item.What, ex);
                    item.Done?.TrySetException(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private void OnEvseEvent(object? sender, EvseEvent e)
    {
        // E10: whether the controller kept its authorization over this unplug is read now, as the event is raised.
        var keptAuthorization = e is EvDisconnected && sender is EvseController evse && evse.Snapshot.SessionAuthorized;
        Post(e.GetType().Name, () => HandleEvseEventAsync(e, keptAuthorization));
    }

    private void OnSessionStarted(object? sender, ChargingSession session) => Post("session started", () => HandleSessionStartedAsync(session));

    private void OnSessionEnded(object? sender, ChargingSession session) => Post("session ended", () => HandleSessionEndedAsync(session));

    private sealed record WorkItem(string What, Func<Task> Work, TaskCompletionSource? Done);
}
