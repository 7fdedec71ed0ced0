using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Tariffs;

/// <summary>What a tariff condition is evaluated against at one moment of a transaction.</summary>
/// <param name="Local">The station's local time (I07.FR.17: times and dates of conditions are local).</param>
/// <param name="EnergyWh">Energy charged in the transaction so far, Wh.</param>
/// <param name="PowerW">Charging power now, W, when measured.</param>
/// <param name="CurrentA">Highest phase current now, A, when measured.</param>
/// <param name="Elapsed">Time since the start of the transaction.</param>
/// <param name="ChargingTime">Time spent charging so far.</param>
/// <param name="IdleTime">Time spent not charging so far.</param>
/// <param name="EvseKind">AC or DC.</param>
public sealed record TariffMoment(
    DateTime Local,
    decimal EnergyWh,
    decimal? PowerW,
    decimal? CurrentA,
    TimeSpan Elapsed,
    TimeSpan ChargingTime,
    TimeSpan IdleTime,
    EvseKindEnumType EvseKind);
