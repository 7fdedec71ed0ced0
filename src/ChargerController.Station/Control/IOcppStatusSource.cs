namespace ChargerController.Station.Control;

/// <summary>
/// What the OCPP side reports for <c>status</c>: the seam the CSMS connection implements. Until it exists chargerd
/// composes <see cref="OfflineOcppStatusSource"/>, which says honestly that there is no connection.
/// </summary>
public interface IOcppStatusSource
{
    /// <summary>The current connection state (thread-safe, cheap).</summary>
    OcppStatus Current { get; }
}
