namespace ChargerController.Station.SmartCharging.LoadBalancing;

/// <summary>One EVSE as the load balancer sees it.</summary>
/// <param name="EvseId">EVSE id.</param>
/// <param name="Demand">What it asks for.</param>
/// <param name="LimitA">Its own limit (composite schedule, rating), amperes per phase.</param>
/// <param name="MinimumA">Below this it pauses (6 A, or the schedule's minChargingRate, K01.FR.21).</param>
/// <param name="Rank">Order of precedence when not everyone can charge: lower first (e.g. earlier session start).</param>
public readonly record struct LoadBalancerEvse(int EvseId, EvseDemand Demand, double LimitA, double MinimumA, long Rank);
