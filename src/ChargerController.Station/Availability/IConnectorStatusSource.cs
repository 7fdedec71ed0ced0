using ChargerController.Station.Evse;

namespace ChargerController.Station.Availability;

/// <summary>The physical connector states (from the EVSE loops) and the switch that makes an EVSE (un)usable.</summary>
public interface IConnectorStatusSource
{
    /// <summary>Raised when a connector's physical status changed.</summary>
    event EventHandler<ConnectorLocation>? StatusChanged;

    /// <summary>Gets every connector of the station.</summary>
    IReadOnlyList<ConnectorLocation> Connectors { get; }

    /// <summary>Gets a connector's physical status.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>The status.</returns>
    ConnectorStatus GetStatus(ConnectorLocation connector);

    /// <summary>Makes an EVSE usable or not (ChangeAvailability applied).</summary>
    /// <param name="evseId">EVSE id.</param>
    /// <param name="operative">True = Operative.</param>
    void SetOperative(int evseId, bool operative);
}
