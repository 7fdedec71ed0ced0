namespace ChargerController.Station.Tariffs;

/// <summary>A persisted <see cref="CostPeriod"/>.</summary>
/// <param name="TariffId">Tariff.</param>
/// <param name="Start">Start.</param>
/// <param name="EnergyIndex">Energy price index.</param>
/// <param name="Charging">Charging or idle.</param>
/// <param name="TimeIndex">Time price index.</param>
/// <param name="EnergyWh">Energy, Wh.</param>
/// <param name="ChargingSeconds">Charging time, s.</param>
/// <param name="IdleSeconds">Idle time, s.</param>
public sealed record CostPeriodSnapshot(string TariffId, DateTimeOffset Start, int EnergyIndex, bool Charging, int TimeIndex, decimal EnergyWh, decimal ChargingSeconds, decimal IdleSeconds);
