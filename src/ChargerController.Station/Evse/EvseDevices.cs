using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Abstractions.ProximityPilot;
using ChargerController.Hardware.Abstractions.Rcd;

namespace ChargerController.Station.Evse;

/// <summary>The hardware ports one EVSE owns. Pilot and contactor are required; the others are optional equipment.</summary>
/// <param name="Pilot">The control pilot.</param>
/// <param name="Contactor">The contactor(s); only <see cref="Safety.PowerPathInterlock"/> closes it.</param>
/// <param name="ResidualCurrentMonitor">The RCD / RDC-DD module, or <see langword="null"/> when protection is external and not monitored.</param>
/// <param name="ConnectorLock">The socket's lock, or <see langword="null"/> (tethered cable).</param>
/// <param name="Meter">The EVSE's meter, or <see langword="null"/> (no over-current supervision, no energy readings).</param>
/// <param name="ProximityPilot">PP of a socket outlet, or <see langword="null"/> (tethered cable: see <see cref="EvseOptions.TetheredCableMaxCurrentA"/>).</param>
public sealed record EvseDevices(
    IControlPilot Pilot,
    IContactor Contactor,
    IResidualCurrentMonitor? ResidualCurrentMonitor = null,
    IConnectorLock? ConnectorLock = null,
    IEnergyMeter? Meter = null,
    IProximityPilot? ProximityPilot = null);
