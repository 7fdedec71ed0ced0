namespace ChargerController.Station.DeviceModel;

/// <content>ReservationCtrlr (Part 2 appendix 2.10), owned by the reservation block.</content>
public static partial class DeviceModelCatalog
{
    static partial void AddReservations(List<VariableDefinition> list, StationIdentity identity)
    {
        // Available: the block is built in. Enabled: the CSMS may switch it off (H01.FR.01 then answers Rejected).
        // NonEvseSpecific: reservations for "any EVSE" and for a connector type are supported (H01.FR.18); read-only
        // for the CSMS, a deployment may still set it false through the configuration file.
        list.Add(Bool("ReservationCtrlr", "Available", "true", ro: true));
        list.Add(Bool("ReservationCtrlr", "Enabled", "true"));
        list.Add(Bool("ReservationCtrlr", "NonEvseSpecific", "true", ro: true));
    }
}
