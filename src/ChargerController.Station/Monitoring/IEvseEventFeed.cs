using ChargerController.Station.Evse.Events;

namespace ChargerController.Station.Monitoring;

/// <summary>The EVSE loops' events as one feed (faults raised/cleared drive the hard-wired monitors).</summary>
public interface IEvseEventFeed
{
    /// <summary>Raised on an EVSE loop thread, in order per EVSE.</summary>
    event EventHandler<EvseEvent>? EventRaised;
}
