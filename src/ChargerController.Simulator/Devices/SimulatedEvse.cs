using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Simulator.Ev;

namespace ChargerController.Simulator.Devices;

/// <summary>
/// Every simulated device of one EVSE wired together on one clock: the EV loads the pilot and the proximity pilot,
/// draws current through the contactor, and the meter counts it. With a FakeTimeProvider the whole set is
/// deterministic: time only moves when the test advances it.
/// </summary>
public sealed class SimulatedEvse : IDisposable
{
    /// <summary>Creates the devices: EV unplugged, pilot in state F, contactor open, lock unlocked, RCD idle.</summary>
    /// <param name="timeProvider">The one clock of the simulation.</param>
    /// <param name="options">Device options; <see langword="null"/> for the defaults.</param>
    public SimulatedEvse(TimeProvider timeProvider, SimulatedEvseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new SimulatedEvseOptions();
        Ev = new SimulatedEv(timeProvider, options.Ev);
        ControlPilot = new SimulatedControlPilot(timeProvider, Ev);
        ProximityPilot = new SimulatedProximityPilot(timeProvider, Ev);
        Contactor = new SimulatedContactor(timeProvider, options.Contactor);
        Meter = new SimulatedMeter(timeProvider, Ev, Contactor, options.Meter);
        ConnectorLock = new SimulatedConnectorLock(timeProvider, options.ConnectorLock);
        ResidualCurrentMonitor = new SimulatedResidualCurrentMonitor(timeProvider, options.ResidualCurrentMonitor);
        RfidReader = new SimulatedRfidReader(timeProvider);
        Indicators = [.. Enum.GetValues<IndicatorRole>().Select(role => new SimulatedIndicator(role, timeProvider))];
    }

    /// <summary>The EV (plug, request energy, inject EV faults).</summary>
    public SimulatedEv Ev { get; }

    /// <summary>The control pilot (an <see cref="Hardware.Abstractions.ControlPilot.IControlPilot"/>).</summary>
    public SimulatedControlPilot ControlPilot { get; }

    /// <summary>The proximity pilot (an <see cref="Hardware.Abstractions.ProximityPilot.IProximityPilot"/>).</summary>
    public SimulatedProximityPilot ProximityPilot { get; }

    /// <summary>The contactor(s) (an <see cref="Hardware.Abstractions.Contactor.IContactor"/>).</summary>
    public SimulatedContactor Contactor { get; }

    /// <summary>The energy meter (an <see cref="Hardware.Abstractions.Metering.IEnergyMeter"/>).</summary>
    public SimulatedMeter Meter { get; }

    /// <summary>The connector lock (an <see cref="Hardware.Abstractions.ConnectorLock.IConnectorLock"/>).</summary>
    public SimulatedConnectorLock ConnectorLock { get; }

    /// <summary>The residual-current monitor (an <see cref="Hardware.Abstractions.Rcd.IResidualCurrentMonitor"/>).</summary>
    public SimulatedResidualCurrentMonitor ResidualCurrentMonitor { get; }

    /// <summary>The RFID reader (an <see cref="Hardware.Abstractions.Rfid.IRfidReader"/>).</summary>
    public SimulatedRfidReader RfidReader { get; }

    /// <summary>One indicator per <see cref="IndicatorRole"/>.</summary>
    public IReadOnlyList<SimulatedIndicator> Indicators { get; }

    /// <summary>The indicator for a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The indicator.</returns>
    public SimulatedIndicator Indicator(IndicatorRole role) => Indicators.Single(i => i.Role == role);

    /// <inheritdoc />
    public void Dispose()
    {
        Meter.Dispose();
    }
}
