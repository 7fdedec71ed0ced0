using System.Collections.Concurrent;
using ChargerController.Station.Availability;
using ChargerController.Station.Evse;

namespace ChargerController.Station.Tests.Conformance;

/// <summary>Connectors whose physical state a test sets (stands in for the EVSE loops).</summary>
public sealed class FakeConnectors : IConnectorStatusSource
{
    private readonly ConcurrentDictionary<ConnectorLocation, ConnectorStatus> _status = new();

    public FakeConnectors(int evses)
    {
        Connectors = [.. Enumerable.Range(1, evses).Select(e => new ConnectorLocation(e, 1))];
        foreach (var c in Connectors)
        {
            _status[c] = ConnectorStatus.Available;
        }
    }

    public event EventHandler<ConnectorLocation>? StatusChanged;

    public IReadOnlyList<ConnectorLocation> Connectors { get; }

    public ConcurrentDictionary<int, bool> Operative { get; } = new();

    public ConnectorStatus GetStatus(ConnectorLocation connector) => _status[connector];

    public void SetOperative(int evseId, bool operative) => Operative[evseId] = operative;

    public void Set(int evseId, ConnectorStatus status)
    {
        var location = new ConnectorLocation(evseId, 1);
        _status[location] = status;
        StatusChanged?.Invoke(this, location);
    }
}
