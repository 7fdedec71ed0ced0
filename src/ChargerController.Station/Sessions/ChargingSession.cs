using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Sessions;

/// <summary>One session on one EVSE, from authorization to unplug or stop.</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="TransactionId">Station-generated session id (the transaction layer assigns the OCPP transactionId, E01.FR.08).</param>
/// <param name="IdToken">The token that authorized it.</param>
/// <param name="Origin">How it started: <c>card</c>, <c>remote</c>, <c>free-vend</c> or <c>resumed</c>.</param>
/// <param name="StartedAt">When it was authorized (station clock).</param>
/// <param name="MeterStartWh">Meter import register at authorization, watt-hours; <see langword="null"/> without a (readable) meter.</param>
public sealed record ChargingSession(int EvseId, string TransactionId, string IdToken, string Origin, DateTimeOffset StartedAt, double? MeterStartWh)
{
    /// <summary>Gets the OCPP token (idToken and type) that authorized the session.</summary>
    public IdTokenType? Token { get; init; }

    /// <summary>Gets the token's groupIdToken from its authorization (C09 stop by a group member).</summary>
    public IdTokenType? GroupIdToken { get; init; }

    /// <summary>Gets the remoteStartId of a RequestStartTransaction (F02.FR.21), otherwise <see langword="null"/>.</summary>
    public int? RemoteStartId { get; init; }

    /// <summary>Gets the reservation this session consumes (H03), otherwise <see langword="null"/>.</summary>
    public int? ReservationId { get; init; }

    /// <summary>Gets why the session ended (set on the instance passed to <see cref="SessionCoordinator.SessionEnded"/>).</summary>
    public SessionEndReason? EndReason { get; init; }

    /// <summary>Gets the token that stopped the session locally (E07.FR.02: sent with the StopAuthorized event).</summary>
    public IdTokenType? StopToken { get; init; }

    /// <summary>
    /// Gets a limit the station itself sets for the transaction (C18.FR.06: maxCost = the payment card's authorization
    /// amount; C25.FR.04-06: the driver's QR-code input); sent with the token in the first event and enforced as E16.
    /// </summary>
    public TransactionLimitType? TransactionLimit { get; init; }
}
