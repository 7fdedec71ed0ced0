using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.SmartCharging.LoadBalancing;

namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>What the load balancer knows about an EVSE right now.</summary>
/// <param name="Demand">Demand.</param>
/// <param name="Phases">Phase selection in use.</param>
/// <param name="Reading">The EVSE meter's last reading (its actual draw), or null.</param>
internal readonly record struct EvseLoadState(EvseDemand Demand, PhaseSelection Phases, MeterReading? Reading);
