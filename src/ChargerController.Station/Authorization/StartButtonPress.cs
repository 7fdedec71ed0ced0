using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>One debounced press of the start button: a token presented like a card tap.</summary>
/// <param name="IdToken">The configured token.</param>
/// <param name="EvseId">The button's EVSE, if it has one.</param>
/// <param name="At">When the press was recognised (station clock).</param>
public sealed record StartButtonPress(IdTokenType IdToken, int? EvseId, DateTimeOffset At);
