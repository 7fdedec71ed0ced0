namespace ChargerController.Station.DisplayMessages;

/// <summary>Tells the display block which <c>MessageStateEnumType</c> the station is in and which transactions run.</summary>
public interface IDisplayStateSource
{
    /// <summary>Raised when the state may have changed (connector status, transaction start/end).</summary>
    event EventHandler? Changed;

    /// <summary>Gets the state now.</summary>
    /// <returns>The state.</returns>
    DisplayState GetState();
}
