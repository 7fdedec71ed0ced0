namespace ChargerController.Station.DeviceModel;

/// <content>Firmware update variables (Part 2 appendix, ChargingStation component), owned by the firmware block.</content>
public static partial class DeviceModelCatalog
{
    static partial void AddFirmware(List<VariableDefinition> list, StationIdentity identity)
    {
        // The appendix has no FirmwareCtrlr; the one firmware variable sits on ChargingStation. False (the default when
        // absent) makes idle EVSEs Unavailable while an update waits for transactions to end (L01.FR.07).
        list.Add(Bool(ChargingStation, "AllowNewSessionsPendingFirmwareUpdate", "false"));
    }
}
