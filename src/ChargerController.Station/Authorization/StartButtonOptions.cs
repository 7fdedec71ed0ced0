using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>
/// Which IdToken a press of the start button presents (configuration section <c>Authorization:StartButton</c>). The
/// default is C02's "start button" token: type <c>NoAuthorization</c>, empty idToken (C02.FR.01); a home charger that
/// wants its owner's button presses to show up in the CSMS as a known token sets e.g. <c>Type=Local</c>,
/// <c>IdToken=GARAGE-BUTTON</c> and puts that token in the local list.
/// </summary>
public sealed class StartButtonOptions
{
    /// <summary>Gets or sets the idToken value (empty for NoAuthorization).</summary>
    public string IdToken { get; set; } = string.Empty;

    /// <summary>Gets or sets the IdTokenEnumStringType.</summary>
    public string Type { get; set; } = IdTokenTypes.NoAuthorization;

    /// <summary>Gets or sets the EVSE the button belongs to (null: whichever EVSE the EV is plugged into).</summary>
    public int? EvseId { get; set; } = 1;

    /// <summary>Gets or sets how long the input must read pressed before it counts (contact bounce is a few ms).</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets or sets the sampling period of the input.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Gets the token a press presents.</summary>
    /// <returns>A new IdTokenType.</returns>
    public IdTokenType ToIdToken() => new() { IdToken = IdToken, Type = Type };
}
