using System.Globalization;
using System.Threading.Channels;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Messages.Authorization;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Payment;

/// <summary>
/// The ad hoc payment block (OCPP 2.1 C17-C25) on the station side: DirectPayment tokens from an integrated payment
/// terminal (C18), cancellation (C19/C20), settlement and receipts (C21/C22), incremental authorization (C23), VAT number
/// validation (C18.FR.08), the static/dynamic QR code (C25) and NotifyWebPaymentStarted. Prepaid cards (C17) and the
/// stand-alone terminal (C24) need nothing beyond the authorization and transaction blocks (NoCredit, E16 limits).
/// All state changes run on one work loop; every message it sends is 2.1-only and never goes out on a 2.0.1 connection.
/// </summary>
public sealed partial class PaymentModule : IStationModule, IAsyncDisposable
{
    private readonly IPaymentTerminal? terminal;
    private readonly IPaymentSessions sessions;
    private readonly ITransactionCostSource costs;
    private readonly IPaymentDisplay display;
    private readonly int evseCount;
    private readonly string stationId;
    private readonly IPaymentStore store;
    private readonly WebPaymentHolds holds;
    private readonly Channel<(string What, Func<Task> Work)> work = Channel.CreateUnbounded<(string, Func<Task>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<string, PaymentRecord> payments = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim enabledChanged = new(0);
    private StationModuleContext? context;
    private ILogger logger = NullLogger.Instance;
    private TimeProvider time = TimeProvider.System;
    private Task loop = Task.CompletedTask;
    private Task terminalLoop = Task.CompletedTask;
    private int pendingWork;
    private int disposed;

    /// <summary>Initializes a new instance of the <see cref="PaymentModule"/> class.</summary>
    /// <param name="terminal">The integrated payment terminal, or <see langword="null"/> when the station has none.</param>
    /// <param name="sessions">The session and transaction layers.</param>
    /// <param name="costs">The running cost of transactions.</param>
    /// <param name="display">Where QR codes and receipts are shown.</param>
    /// <param name="evseCount">The number of EVSEs.</param>
    /// <param name="stationId">The station identity (SecurityCtrlr.Identity) for <c>{chargingstationid}</c>.</param>
    /// <param name="store">Durable storage of payments not settled yet (null: in memory, lost with the process).</param>
    /// <param name="holds">Where the EVSEs held by web payments are published for the <see cref="WebPaymentGate"/> (null: not published).</param>
    public PaymentModule(IPaymentTerminal? terminal, IPaymentSessions sessions, ITransactionCostSource costs, IPaymentDisplay display, int evseCount, string stationId, IPaymentStore? store = null, WebPaymentHolds? holds = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(display);
        ArgumentOutOfRangeException.ThrowIfLessThan(evseCount, 1);
        ArgumentException.ThrowIfNullOrEmpty(stationId);
        this.terminal = terminal;
        this.sessions = sessions;
        this.costs = costs;
        this.display = display;
        this.evseCount = evseCount;
        this.stationId = stationId;
        this.store = store ?? new InMemoryPaymentStore();
        this.holds = holds ?? new WebPaymentHolds();
    }

    /// <summary>Gets a value indicating whether the connection is OCPP 2.1 (or not yet known): payment messages need it.</summary>
    public bool Is21 => context?.Status.Subprotocol is not OcppSubprotocol.V201;

    /// <inheritdoc />
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        logger = context.LoggerFactory.CreateLogger<PaymentModule>();
        time = context.Time;
        context.Register(new NotifyWebPaymentStartedHandler(this));
        context.QueuedMessageDelivered += OnDelivered;
        context.DeviceModel.Changed += OnVariableChanged;
        sessions.SessionEnded += OnSessionEnded;
        sessions.TransactionStarted += OnTransactionStarted;
        costs.CostChanged += OnCostChanged;
        PublishTerminalInfo();
        Restore();
        loop = Task.Run(() => RunAsync(stop.Token));
        if (terminal is not null)
        {
            terminalLoop = Task.Run(() => RunTerminalAsync(stop.Token));
        }

        Post("QR code", () => RefreshQrCodesAsync());
    }

    /// <summary>Waits until the work loop has handled everything posted so far (tests, orderly shutdown).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task completing when idle.</returns>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post("idle", () =>
        {
            done.TrySetResult();
            return Task.CompletedTask;
        });
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The container disposes the instance once per registration (PaymentModule and IStationModule): only the first counts.
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        if (context is { } attached)
        {
            attached.QueuedMessageDelivered -= OnDelivered;
            attached.DeviceModel.Changed -= OnVariableChanged;
        }

        sessions.SessionEnded -= OnSessionEnded;
        sessions.TransactionStarted -= OnTransactionStarted;
        costs.CostChanged -= OnCostChanged;
        await stop.CancelAsync().ConfigureAwait(false);
        work.Writer.TryComplete();
        try
        {
            await Task.WhenAll(loop, terminalLoop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // host stop
        }

        qrTimer?.Dispose();
        stop.Dispose();
        enabledChanged.Dispose();
    }

    /// <summary>Gets where the costs read from delivered TransactionEvents go (the default source, or the tariff bridge's).</summary>
    private CsmsTotalCostSource? Reported => costs as CsmsTotalCostSource ?? (costs as TariffCostBridge)?.Reported;

    private bool PaymentEnabled => context?.DeviceModel.GetBool(DeviceModelCatalog.PaymentCtrlr, "Enabled", false) == true;

    private decimal GetDecimal(string variable, decimal fallback) =>
        decimal.TryParse(context?.DeviceModel.GetValue(VariableKey.Of(DeviceModelCatalog.PaymentCtrlr, variable)), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;

    private void Post(string what, Func<Task> item)
    {
        Interlocked.Increment(ref pendingWork);
        if (!work.Writer.TryWrite((what, item)))
        {
            Interlocked.Decrement(ref pendingWork);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (what, item) in work.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await item().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    // Never crash on a bad input or a failed device: log, keep the loop.
                    PaymentLog.WorkFailed(logger, what, ex);
                }
                finally
                {
                    Interlocked.Decrement(ref pendingWork);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // host stop
        }
    }

    private void OnVariableChanged(object? sender, VariableChangedEventArgs e)
    {
        if (e.Key.Component == DeviceModelCatalog.PaymentCtrlr && e.Key.Variable == "Enabled")
        {
            enabledChanged.Release();
        }
        else if (e.Key.Component == DeviceModelCatalog.WebPaymentsCtrlr)
        {
            Post("QR code", () => RefreshQrCodesAsync());
        }
    }

    private void OnDelivered(object? sender, OutboundDeliveredEventArgs e)
    {
        switch (e.Message.Action)
        {
            // Without payment (a home charger, the default) there is nothing to settle: no TransactionEvent is parsed for it.
            case "TransactionEvent" when PaymentEnabled:
                Reported?.Observe(e);
                Post("TransactionEvent delivered", () => OnTransactionEventDeliveredAsync(e));
                break;
            case "NotifySettlement" when e.Response is { } response:
                Post("NotifySettlement answered", () => OnSettlementAnswered(e.Message.PayloadJson, response));
                break;
        }
    }

    private void OnSessionEnded(object? sender, ChargingSession session)
    {
        if (session.Token is not { Type: PaymentTokens.DirectPayment } token)
        {
            return;
        }

        // Read now, on the thread that ended the session: the transaction layer ends its transaction later on its own loop.
        var hadTransaction = sessions.HasActiveTransaction(session.EvseId);
        Post("session ended", () => OnPaymentSessionEndedAsync(token.IdToken, session, hadTransaction));
    }

    private void OnTransactionStarted(object? sender, int evseId)
    {
        var session = sessions.SessionOf(evseId);
        var transactionId = sessions.TransactionIdOf(evseId);
        Post("transaction started", () => OnTransactionStartedAsync(evseId, session, transactionId));
    }

    private void OnCostChanged(object? sender, string transactionId) => Post("cost changed", () => IncreaseIfNeededAsync(transactionId));

    private async Task<TResponse?> CallAsync<TRequest, TResponse>(string action, TRequest request)
        where TResponse : class
    {
        if (context is null || !Is21)
        {
            return null;
        }

        try
        {
            return await context.Sender.CallAsync<TRequest, TResponse>(request, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !stop.IsCancellationRequested)
        {
            // CALLERROR, timeout, offline, an answer that fails the schema: the caller decides what "no answer" means.
            PaymentLog.CsmsCallFailed(logger, action, ex);
            return null;
        }
    }

    private async Task NotifySettlementAsync(NotifySettlementRequest request)
    {
        if (context is null || !Is21)
        {
            return;
        }

        try
        {
            // Kept while offline and retried: the CSO needs every settlement outcome to reconcile the PSP's records.
            await context.Sender.EnqueueAsync(request, Ocpp.Queue.QueuePolicy.GuaranteedDelivery, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PaymentLog.CsmsCallFailed(logger, "NotifySettlement", ex);
        }
    }
}
