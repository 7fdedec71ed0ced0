using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;

namespace ChargerController.Station.Monitoring;

/// <summary>Adapts the <see cref="EvseController"/>s to <see cref="IEvseEventFeed"/>.</summary>
public sealed class EvseControllerEventFeed : IEvseEventFeed, IDisposable
{
    private readonly IReadOnlyList<EvseController> _evses;

    /// <summary>Initializes a new instance of the <see cref="EvseControllerEventFeed"/> class.</summary>
    /// <param name="evses">The EVSE controllers.</param>
    public EvseControllerEventFeed(IEnumerable<EvseController> evses)
    {
        ArgumentNullException.ThrowIfNull(evses);
        _evses = [.. evses];
        foreach (var evse in _evses)
        {
            evse.EventRaised += OnEvent;
        }
    }

    /// <inheritdoc/>
    public event EventHandler<EvseEvent>? EventRaised;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var evse in _evses)
        {
            evse.EventRaised -= OnEvent;
        }
    }

    private void OnEvent(object? sender, EvseEvent e) => EventRaised?.Invoke(this, e);
}
