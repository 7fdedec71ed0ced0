using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;

namespace ChargerController.Station.Availability;

/// <summary>Adapts the EVSE control loops (one connector each) to <see cref="IConnectorStatusSource"/>.</summary>
public sealed class EvseConnectorStatusSource : IConnectorStatusSource, IDisposable
{
    private readonly IReadOnlyList<EvseController> _evses;

    /// <summary>Initializes a new instance of the <see cref="EvseConnectorStatusSource"/> class.</summary>
    /// <param name="evses">The EVSE controllers.</param>
    public EvseConnectorStatusSource(IEnumerable<EvseController> evses)
    {
        ArgumentNullException.ThrowIfNull(evses);
        _evses = [.. evses];
        Connectors = [.. _evses.Select(e => new ConnectorLocation(e.EvseId, 1))];
        foreach (var evse in _evses)
        {
            evse.EventRaised += OnEvent;
        }
    }

    /// <inheritdoc/>
    public event EventHandler<ConnectorLocation>? StatusChanged;

    /// <inheritdoc/>
    public IReadOnlyList<ConnectorLocation> Connectors { get; }

    /// <inheritdoc/>
    public ConnectorStatus GetStatus(ConnectorLocation connector) =>
        _evses.FirstOrDefault(e => e.EvseId == connector.EvseId)?.Snapshot.ConnectorStatus ?? ConnectorStatus.Unavailable;

    /// <inheritdoc/>
    public void SetOperative(int evseId, bool operative) => _evses.FirstOrDefault(e => e.EvseId == evseId)?.SetAvailability(operative);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var evse in _evses)
        {
            evse.EventRaised -= OnEvent;
        }
    }

    private void OnEvent(object? sender, EvseEvent e)
    {
        if (e is ConnectorStatusChanged changed)
        {
            StatusChanged?.Invoke(this, new ConnectorLocation(changed.EvseId, 1));
        }
    }
}
