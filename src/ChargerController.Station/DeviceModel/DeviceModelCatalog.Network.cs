using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>Network connection profiles (B09/B10) and the CSMS-derived clock (B01.FR.06).</content>
public static partial class DeviceModelCatalog
{
    /// <summary>The configuration slots for network connection profiles (B09.FR.06 asks for at least two); slot 0 is the one from the configuration file.</summary>
    public const string NetworkProfileSlots = "0,1,2";

    static partial void AddNetwork(List<VariableDefinition> list, StationIdentity identity)
    {
        list.Add(Int(OcppCommCtrlr, "ActiveNetworkProfile", "0", ro: true) with { Persistent = false });

        // B10.FR.04: the new order only counts from the next boot, hence RebootRequired (B10.FR.01 allows it).
        list.Add(Str(OcppCommCtrlr, "NetworkConfigurationPriority", "0") with { DataType = DataEnumType.SequenceList, ValuesList = NetworkProfileSlots, RebootRequired = true });
        list.Add(Int(OcppCommCtrlr, "NetworkProfileConnectionAttempts", "3", min: 1, max: 100));

        // A jump of the station clock by more than this many seconds raises SettingSystemTime (appendix ClockCtrlr).
        list.Add(Int(ClockCtrlr, "TimeAdjustmentReportingThreshold", "20", min: 0, max: 86400, unit: "s"));
    }
}
