namespace ChargerController.Station.Availability;

/// <summary>
/// Tells the availability overlay which connectors a reservation holds (H01.FR.20/23/24: a reserved EVSE reports all
/// its connectors <c>Reserved</c>). Implemented by the reservation block; consulted only for connectors that would
/// otherwise report <c>Available</c>, so Faulted, Unavailable and Occupied always win.
/// </summary>
public interface IReservedStatus
{
    /// <summary>Gets whether a reservation holds <paramref name="connector"/> now.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>True when it is to be reported <c>Reserved</c>.</returns>
    bool IsReserved(ConnectorLocation connector);
}
