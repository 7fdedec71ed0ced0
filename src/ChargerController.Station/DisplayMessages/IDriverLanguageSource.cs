namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// The languages of the EV driver now at the station, most preferred first (O01.FR.08: from idTokenInfo.language1 and
/// language2 of the authorization). Optional: without one the display uses DisplayMessageCtrlr.Language, then English.
/// </summary>
public interface IDriverLanguageSource
{
    /// <summary>Gets the driver's languages; empty when no driver is known.</summary>
    /// <returns>RFC 5646 tags.</returns>
    IReadOnlyList<string> GetPreferredLanguages();
}
