namespace ChargerController.Hardware.Abstractions.ProximityPilot;

/// <summary>
/// The proximity pilot of a Type 2 socket outlet: measures the coding resistor in the plug so the EVSE never offers
/// more than the cable carries. Tethered-cable stations have no PP (the cable rating is configuration then).
/// </summary>
public interface IProximityPilot
{
    /// <summary>Measures PP now. Keep measuring during the session: a PP that opens means the plug is being pulled.</summary>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The reading.</returns>
    /// <exception cref="IOException">The measuring ADC could not be read.</exception>
    ValueTask<ProximityPilotReading> ReadAsync(CancellationToken cancellationToken);
}
