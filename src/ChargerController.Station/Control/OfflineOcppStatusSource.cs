namespace ChargerController.Station.Control;

/// <summary>The OCPP status while chargerd has no OCPP engine composed: not connected, no boot, empty queue.</summary>
public sealed class OfflineOcppStatusSource : IOcppStatusSource
{
    /// <inheritdoc />
    public OcppStatus Current => OcppStatus.Offline;
}
