namespace ChargerController.Station.Sessions;

/// <summary>One session on one EVSE, from authorization to unplug or stop.</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="TransactionId">Station-generated id (OCPP 2.x: the charging station assigns transactionId, E01).</param>
/// <param name="IdToken">The token that authorized it.</param>
/// <param name="Origin">How it started: <c>card</c>, <c>remote</c> or <c>free-vend</c>.</param>
/// <param name="StartedAt">When it was authorized (station clock).</param>
/// <param name="MeterStartWh">Meter import register at authorization, watt-hours; <see langword="null"/> without a (readable) meter.</param>
public sealed record ChargingSession(int EvseId, string TransactionId, string IdToken, string Origin, DateTimeOffset StartedAt, double? MeterStartWh);
