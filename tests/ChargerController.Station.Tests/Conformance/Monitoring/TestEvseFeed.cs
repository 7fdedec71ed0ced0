using ChargerController.Station.Evse.Events;
using ChargerController.Station.Monitoring;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>Stands in for the EVSE loops' event stream: a test raises the same fault records the loop raises.</summary>
public sealed class TestEvseFeed : IEvseEventFeed
{
    public event EventHandler<EvseEvent>? EventRaised;

    public void Raise(EvseEvent e) => EventRaised?.Invoke(this, e);
}
