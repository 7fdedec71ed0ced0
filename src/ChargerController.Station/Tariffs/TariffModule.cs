using System.Collections.Concurrent;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Runtime;
using ChargerController.Station.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tariffs;

/// <summary>
/// OCPP block I on this station: default and driver-specific tariffs (I07-I11), the local cost calculation of every
/// transaction (I12) with tariffId and costDetails in its TransactionEvents, the costs the CSMS reports (I02, I03,
/// I06) and what the driver sees of all that (I01-I06) on the display.
/// </summary>
public sealed partial class TariffModule : IStationModule, ITransactionEventContributor, ITransactionCostSource, IDisposable
{
    private const int EndedKept = 16;

    private readonly DefaultTariffBook _book;
    private readonly ITariffStore _store;
    private readonly IReadOnlyDictionary<int, IEnergyMeter> _meters;
    private readonly Dictionary<int, EvseController> _evses;
    private readonly Func<TransactionManager?> _transactionsFactory;
    private TransactionManager? _transactionsResolved;
    private readonly TariffOptions _options;
    private readonly ReservationReceiptStore? _reservations;
    private readonly TimeZoneInfo _zone;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, TxCost> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DriverTariff> _drivers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TransactionCost> _ended = new();
    private StationModuleContext? _context;
    private ILogger _logger = NullLogger.Instance;
    private TimeProvider _time = TimeProvider.System;
    private ITimer? _timer;
    private int _ticking;

    /// <summary>Initializes a new instance of the <see cref="TariffModule"/> class.</summary>
    /// <param name="book">The default tariffs.</param>
    /// <param name="store">Durable state of running transactions.</param>
    /// <param name="meters">Each EVSE's meter.</param>
    /// <param name="evses">The EVSE controllers (charging state, EVSE ids).</param>
    /// <param name="transactions">
    /// Gets the transaction block (to add tariffId/costDetails to its events), or null without one; resolved at attach time,
    /// because the transaction block depends on the authorizer this block wraps.
    /// </param>
    /// <param name="display">The display.</param>
    /// <param name="options">Host facts.</param>
    /// <param name="reservations">When the reservations were made (reservation costs, I12.FR.06-08), or null without a reservation block.</param>
    public TariffModule(
        DefaultTariffBook book,
        ITariffStore store,
        IReadOnlyDictionary<int, IEnergyMeter> meters,
        IEnumerable<EvseController> evses,
        Func<TransactionManager?> transactions,
        TariffDisplay display,
        TariffOptions? options = null,
        ReservationReceiptStore? reservations = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(evses);
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(transactions);
        _book = book;
        _store = store;
        _meters = meters;
        _evses = evses.ToDictionary(e => e.EvseId);
        _transactionsFactory = transactions;
        Display = display;
        _options = options ?? new TariffOptions();
        _zone = _options.TimeZone ?? TimeZoneInfo.Local;
        _reservations = reservations;
    }

    /// <inheritdoc/>
    public event EventHandler<string>? CostChanged;

    /// <summary>Gets the default tariffs.</summary>
    public DefaultTariffBook Book => _book;

    /// <summary>Gets the display the block writes to.</summary>
    public TariffDisplay Display { get; }

    /// <summary>Gets the EVSE ids.</summary>
    public IReadOnlyCollection<int> EvseIds => _evses.Keys;

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_context is not null)
        {
            throw new InvalidOperationException("The tariff block is attached to one runtime only.");
        }

        _context = context;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger<TariffModule>();
        context.Register(new SetDefaultTariffHandler(this));
        context.Register(new GetTariffsHandler(this));
        context.Register(new ClearTariffsHandler(this));
        context.Register(new ChangeTransactionTariffHandler(this));
        context.Register(new CostUpdatedHandler(this));
        context.QueuedMessageDelivered += OnQueuedMessageDelivered;
        Restore();
        TransactionBlock?.AddEventContributor(this);
        _timer = _time.CreateTimer(_ => OnTick(), null, _options.TickInterval, _options.TickInterval);
    }

    /// <inheritdoc/>
    public TransactionCost? CostOf(string transactionId)
    {
        if (_running.TryGetValue(transactionId, out var tx))
        {
            return Cost(tx, final: false);
        }

        return _ended.LastOrDefault(c => string.Equals(c.TransactionId, transactionId, StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public TransactionCost? RunningCostOf(int evseId) =>
        TransactionBlock?.GetTransactionId(evseId) is { } id && _running.TryGetValue(id, out var tx) ? Cost(tx, final: false) : null;

    /// <inheritdoc/>
    public void Dispose()
    {
        _timer?.Dispose();
        if (_context is not null)
        {
            _context.QueuedMessageDelivered -= OnQueuedMessageDelivered;
        }

        _gate.Dispose();
    }

    /// <summary>Reads the settings now.</summary>
    /// <returns>The settings.</returns>
    internal TariffSettings Settings() => TariffSettings.Read(Model);

    private TransactionManager? TransactionBlock => _transactionsResolved ??= _transactionsFactory();

    private StationDeviceModel Model => _context?.DeviceModel ?? throw new InvalidOperationException("The tariff block is not attached.");

    private string Currency => Settings().Currency is { Length: > 0 } c ? c : "EUR";

    private TransactionCost? Cost(TxCost tx, bool final)
    {
        if (tx.Accumulator is { } acc)
        {
            var total = acc.Build(false).TotalCost.Total;
            return new TransactionCost(tx.TransactionId, tx.EvseId, total.InclTax ?? total.ExclTax ?? 0, total.ExclTax, acc.Tariff.Currency, final, true, acc.Tariff.TariffId);
        }

        return tx.CsmsCost is { } cost ? new TransactionCost(tx.TransactionId, tx.EvseId, cost, null, Currency, final, false, null) : null;
    }

    /// <summary>
    /// Tells the other blocks that a transaction's cost changed: the payment block (incremental authorization, settlement)
    /// through <see cref="CostChanged"/>, and the transaction block, which holds an E16 cost limit against the station's own
    /// running cost (or a CostUpdated of the CSMS) as it does against the CSMS's totalCost.
    /// </summary>
    private void Changed(TxCost tx, bool final)
    {
        if (!final && Cost(tx, final: false) is { } cost && (cost.Local || tx.Accumulator is null))
        {
            TransactionBlock?.ReportRunningCost(tx.TransactionId, cost.Total);
        }

        RaiseChanged(tx.TransactionId);
    }

    private void RaiseChanged(string transactionId)
    {
        try
        {
            CostChanged?.Invoke(this, transactionId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Another block's handler never breaks the cost calculation.
            TariffLog.Failed(_logger, "cost change notification", ex);
        }
    }

    private void Remember(TransactionCost? cost)
    {
        if (cost is null)
        {
            return;
        }

        _ended.Enqueue(cost);
        while (_ended.Count > EndedKept && _ended.TryDequeue(out _))
        {
        }
    }

    private void Restore()
    {
        try
        {
            foreach (var row in _store.LoadTransactions())
            {
                var tx = new TxCost(row.TransactionId, row.EvseId)
                {
                    IdToken = row.IdToken,
                    Kind = Enum.TryParse<TariffKindEnumType>(row.Kind, out var kind) ? kind : TariffKindEnumType.DefaultTariff,
                    CentralCost = row.TariffJson is null,
                };
                if (DefaultTariffBook.Parse(row.TariffJson) is { } tariff && row.SnapshotJson is { } json
                    && System.Text.Json.JsonSerializer.Deserialize(json, TariffJsonContext.Default.CostSnapshot) is { } snapshot)
                {
                    tx.Accumulator = CostAccumulator.Restore(tariff, snapshot, _zone);
                }

                _running[row.TransactionId] = tx;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A damaged store loses the cost state, never the station: the Ended event then reports no costDetails.
            TariffLog.Failed(_logger, "restoring transaction tariffs", ex);
        }
    }

    private void Persist(TxCost tx)
    {
        try
        {
            var json = tx.Accumulator is { } acc ? System.Text.Json.JsonSerializer.Serialize(acc.ToSnapshot(), TariffJsonContext.Default.CostSnapshot) : null;
            _store.SaveTransaction(new StoredTransactionTariff(
                tx.TransactionId,
                tx.EvseId,
                tx.Accumulator is { } a ? DefaultTariffBook.Json(a.Tariff) : null,
                tx.Kind.ToString(),
                tx.IdToken,
                json));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TariffLog.Failed(_logger, "storing transaction tariff", ex);
        }
    }
}
