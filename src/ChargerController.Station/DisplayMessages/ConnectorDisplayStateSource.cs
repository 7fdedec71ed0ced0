using ChargerController.Ocpp.Enums;
using ChargerController.Station.Availability;
using ChargerController.Station.Evse;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// The station state from the connectors and the transactions: Faulted when a connector is faulted, Unavailable when
/// every connector is, Charging while a transaction runs, else Idle. One display serves the whole station, so the most
/// urgent state wins.
/// </summary>
public sealed class ConnectorDisplayStateSource : IDisplayStateSource, IDisposable
{
    private readonly IConnectorStatusSource _connectors;
    private readonly IStationTransactions _transactions;

    /// <summary>Initializes a new instance of the <see cref="ConnectorDisplayStateSource"/> class.</summary>
    /// <param name="connectors">Connector status.</param>
    /// <param name="transactions">The transaction layer.</param>
    public ConnectorDisplayStateSource(IConnectorStatusSource connectors, IStationTransactions transactions)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(transactions);
        _connectors = connectors;
        _transactions = transactions;
        _connectors.StatusChanged += OnConnector;
        _transactions.TransactionStarted += OnTransaction;
        _transactions.TransactionEnded += OnTransaction;
    }

    /// <inheritdoc/>
    public event EventHandler? Changed;

    /// <inheritdoc/>
    public DisplayState GetState()
    {
        var statuses = _connectors.Connectors.Select(_connectors.GetStatus).ToList();
        var active = _connectors.Connectors.Select(c => c.EvseId).Distinct()
            .Select(_transactions.GetTransactionId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var state = statuses.Contains(ConnectorStatus.Faulted) ? MessageStateEnumType.Faulted
            : statuses.Count > 0 && statuses.All(s => s == ConnectorStatus.Unavailable) ? MessageStateEnumType.Unavailable
            : _transactions.HasActiveTransaction(null) ? MessageStateEnumType.Charging
            : MessageStateEnumType.Idle;
        return new DisplayState(state, active);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _connectors.StatusChanged -= OnConnector;
        _transactions.TransactionStarted -= OnTransaction;
        _transactions.TransactionEnded -= OnTransaction;
    }

    private void OnConnector(object? sender, ConnectorLocation e) => Changed?.Invoke(this, EventArgs.Empty);

    private void OnTransaction(object? sender, int e) => Changed?.Invoke(this, EventArgs.Empty);
}
