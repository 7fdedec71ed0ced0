namespace ChargerController.Station.Authorization;

/// <summary>
/// The start push-button of a station without a card reader (or beside one), as the Station sees it: one logical input.
/// Hardware.Abstractions has no digital-input contract and the Station may not reference the drivers, so the Worker
/// adapts the board's GPIO input (<c>IDigitalInput.Read</c>, active level already applied) to this.
/// </summary>
public interface IStartButtonInput
{
    /// <summary>Samples the button now.</summary>
    /// <returns>Whether it is pressed.</returns>
    bool Read();
}
