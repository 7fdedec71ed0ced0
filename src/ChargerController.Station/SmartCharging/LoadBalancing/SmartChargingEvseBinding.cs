using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.SmartCharging.Limits;

namespace ChargerController.Station.SmartCharging.LoadBalancing;

/// <summary>
/// Connects one <see cref="EvseController"/> to smart charging: after every loop event it reports the EVSE's demand,
/// phases and meter reading to the <see cref="ChargingLimitController"/> (so the load balancer re-shares as EVs start,
/// pause and stop), and it forwards 1/3-phase decisions to the EVSE (which switches only with the contactor open and
/// after its dwell). The EVSE reads its limit through the <see cref="EvseCurrentLimit"/> it was constructed with.
/// </summary>
public sealed class SmartChargingEvseBinding : IDisposable
{
    private readonly EvseController _evse;
    private readonly ChargingLimitController _limits;

    // The selection last requested (−1 = none). Limits follow the requested phases at once: the EVSE withholds its offer
    // until the switch is done (contactor open plus dwell), so a limit for the new phase count never applies to the old.
    private int _requested = -1;

    /// <summary>Initializes a new instance of the <see cref="SmartChargingEvseBinding"/> class and starts following the EVSE.</summary>
    /// <param name="evse">The EVSE loop.</param>
    /// <param name="limits">Smart charging's limit controller.</param>
    public SmartChargingEvseBinding(EvseController evse, ChargingLimitController limits)
    {
        ArgumentNullException.ThrowIfNull(evse);
        ArgumentNullException.ThrowIfNull(limits);
        _evse = evse;
        _limits = limits;
        evse.EventRaised += OnEvseEvent;
        limits.PhaseSwitchRequested += OnPhaseSwitch;
        limits.TrackEvseMeter(evse.EvseId, () => evse.LastMeterReading, () => evse.Snapshot is { ContactorClosed: true, OfferedCurrentA: > 0 });
        Report();
    }

    /// <summary>What the load balancer should make of an EVSE snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The demand.</returns>
    public static EvseDemand DemandOf(EvseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.SessionAuthorized || !snapshot.Available)
        {
            return EvseDemand.Idle;
        }

        return snapshot.ChargingState switch
        {
            EvseChargingState.Charging or EvseChargingState.EVConnected or EvseChargingState.SuspendedEVSE => EvseDemand.Charging,
            EvseChargingState.SuspendedEV => EvseDemand.Suspended,
            _ => EvseDemand.Idle,
        };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _evse.EventRaised -= OnEvseEvent;
        _limits.PhaseSwitchRequested -= OnPhaseSwitch;
    }

    private void OnEvseEvent(object? sender, EvseEvent e)
    {
        if (e is PhasesChanged)
        {
            // The EVSE now uses what it reports; whoever asked for the switch (smart charging, a technician), the limits
            // follow the phases actually in use from here on.
            Volatile.Write(ref _requested, -1);
        }

        Report();
    }

    private void Report()
    {
        var snapshot = _evse.Snapshot;
        var requested = Volatile.Read(ref _requested);
        var phases = requested < 0 ? snapshot.Phases : (PhaseSelection)requested;
        _limits.UpdateEvse(snapshot.EvseId, DemandOf(snapshot), phases, _evse.LastMeterReading);
    }

    private void OnPhaseSwitch(object? sender, PhaseSwitchRequest request)
    {
        if (request.EvseId == _evse.EvseId && _evse.RequestPhaseSelection(request.Phases))
        {
            Volatile.Write(ref _requested, (int)request.Phases);
            Report();
        }
    }
}
