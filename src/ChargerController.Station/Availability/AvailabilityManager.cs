using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Availability;

/// <summary>
/// Operative/Inoperative of the station, EVSEs and connectors (G03/G04): persisted across restart (G03.FR.08,
/// G04.FR.09), deferred while a transaction runs (<c>Scheduled</c>, G03.FR.05), and folded into the status reported
/// per connector (Inoperative → Unavailable unless Faulted, G03.FR.06/07).
/// </summary>
public sealed class AvailabilityManager : IDisposable
{
    private readonly StationDeviceModel _model;
    private readonly IConnectorStatusSource _connectors;
    private readonly IStationTransactions _transactions;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, bool> _scheduled = new(StringComparer.Ordinal);
    private volatile IReservedStatus? _reserved;

    /// <summary>Initializes a new instance of the <see cref="AvailabilityManager"/> class and applies the persisted states.</summary>
    /// <param name="model">Device model (persistence).</param>
    /// <param name="connectors">Physical connectors.</param>
    /// <param name="transactions">Running transactions.</param>
    public AvailabilityManager(StationDeviceModel model, IConnectorStatusSource connectors, IStationTransactions transactions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(transactions);
        _model = model;
        _connectors = connectors;
        _transactions = transactions;
        _transactions.TransactionEnded += OnTransactionEnded;
        ApplyToEvses();
    }

    /// <summary>Raised when a scheduled change took effect at the end of a transaction.</summary>
    public event EventHandler? Changed;

    /// <summary>Raised whenever an operational state (Operative/Inoperative) took effect, immediately or scheduled.</summary>
    public event EventHandler? OperationalStateChanged;

    /// <summary>Gets every connector of the station.</summary>
    public IReadOnlyList<ConnectorLocation> Connectors => _connectors.Connectors;

    /// <summary>Adds the reservation overlay: connectors it holds report <c>Reserved</c> instead of <c>Available</c>.</summary>
    /// <param name="reserved">The reservation block.</param>
    public void UseReservedStatus(IReservedStatus reserved)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        _reserved = reserved;
    }

    /// <summary>Gets whether a scope is Operative (station: evseId null; EVSE: connectorId null).</summary>
    /// <param name="evseId">EVSE id or null.</param>
    /// <param name="connectorId">Connector id or null.</param>
    /// <returns>True when Operative.</returns>
    public bool IsOperative(int? evseId, int? connectorId) => _model.GetInternal(Name(evseId, connectorId)) != "Inoperative";

    /// <summary>Gets the status to report for a connector.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>The OCPP connector status.</returns>
    public ConnectorStatusEnumType EffectiveStatus(ConnectorLocation connector)
    {
        var status = UnreservedStatus(connector);
        return status == ConnectorStatusEnumType.Available && _reserved?.IsReserved(connector) == true ? ConnectorStatusEnumType.Reserved : status;
    }

    /// <summary>Gets the status of a connector without the reservation overlay (what the reservation block decides on).</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>Available, Occupied, Unavailable or Faulted.</returns>
    public ConnectorStatusEnumType UnreservedStatus(ConnectorLocation connector)
    {
        var physical = _connectors.GetStatus(connector);
        if (physical == ConnectorStatus.Faulted)
        {
            return ConnectorStatusEnumType.Faulted;
        }

        var inoperative = !IsOperative(null, null) || !IsOperative(connector.EvseId, null) || !IsOperative(connector.EvseId, connector.ConnectorId);
        if (inoperative && physical != ConnectorStatus.Occupied)
        {
            return ConnectorStatusEnumType.Unavailable;
        }

        return physical switch
        {
            ConnectorStatus.Available => ConnectorStatusEnumType.Available,
            ConnectorStatus.Occupied => ConnectorStatusEnumType.Occupied,
            _ => ConnectorStatusEnumType.Unavailable,
        };
    }

    /// <summary>Handles a ChangeAvailability request (G03/G04).</summary>
    /// <param name="evseId">EVSE id, null or 0 = station.</param>
    /// <param name="connectorId">Connector id or null.</param>
    /// <param name="operative">The requested state.</param>
    /// <returns>The status to answer.</returns>
    public ChangeAvailabilityStatusEnumType Change(int? evseId, int? connectorId, bool operative)
    {
        if (evseId == 0)
        {
            evseId = null;
            connectorId = null;
        }

        if (evseId is { } evse && !_connectors.Connectors.Any(c => c.EvseId == evse && (connectorId is null || c.ConnectorId == connectorId)))
        {
            return ChangeAvailabilityStatusEnumType.Rejected;
        }

        var name = Name(evseId, connectorId);
        lock (_gate)
        {
            if (IsOperative(evseId, connectorId) == operative)
            {
                _scheduled.Remove(name);
                return ChangeAvailabilityStatusEnumType.Accepted;
            }

            if (_transactions.HasActiveTransaction(evseId))
            {
                _scheduled[name] = operative;
                return ChangeAvailabilityStatusEnumType.Scheduled;
            }

            _model.SetInternal(name, operative ? "Operative" : "Inoperative");
        }

        // The caller reports the new status after answering (respond-then-act), so Changed is not raised here.
        ApplyToEvses();
        OperationalStateChanged?.Invoke(this, EventArgs.Empty);
        return ChangeAvailabilityStatusEnumType.Accepted;
    }

    /// <inheritdoc/>
    public void Dispose() => _transactions.TransactionEnded -= OnTransactionEnded;

    private static string Name(int? evseId, int? connectorId) =>
        evseId is null ? "Availability/Station" : connectorId is null ? $"Availability/EVSE{evseId}" : $"Availability/EVSE{evseId}.{connectorId}";

    private void OnTransactionEnded(object? sender, int evseId)
    {
        var applied = false;
        lock (_gate)
        {
            foreach (var (name, operative) in _scheduled.ToArray())
            {
                var stationScope = name == Name(null, null);
                if ((stationScope && !_transactions.HasActiveTransaction(null)) || (!stationScope && !_transactions.HasActiveTransaction(evseId) && name.StartsWith(Name(evseId, null), StringComparison.Ordinal)))
                {
                    _model.SetInternal(name, operative ? "Operative" : "Inoperative");
                    _scheduled.Remove(name);
                    applied = true;
                }
            }
        }

        if (applied)
        {
            ApplyToEvses();
            OperationalStateChanged?.Invoke(this, EventArgs.Empty);
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    private void ApplyToEvses()
    {
        foreach (var evseId in _connectors.Connectors.Select(c => c.EvseId).Distinct())
        {
            var operative = IsOperative(null, null) && IsOperative(evseId, null) && _connectors.Connectors.Where(c => c.EvseId == evseId).All(c => IsOperative(evseId, c.ConnectorId));
            _connectors.SetOperative(evseId, operative);
        }
    }
}
