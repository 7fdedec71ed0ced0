using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>Network connection profiles (B09/B10), their 2.1 device-model form <c>NetworkConfiguration</c>, and the CSMS-derived clock (B01.FR.06).</content>
public static partial class DeviceModelCatalog
{
    /// <summary>The configuration slots for network connection profiles (B09.FR.06 asks for at least two); slot 0 is the one from the configuration file.</summary>
    public const string NetworkProfileSlots = "0,1,2";

    /// <summary>The 2.1 component holding one network connection profile per configuration slot (component instance = slot, B09.FR.08).</summary>
    public const string NetworkConfiguration = "NetworkConfiguration";

    static partial void AddNetwork(List<VariableDefinition> list, StationIdentity identity)
    {
        list.Add(Int(OcppCommCtrlr, "ActiveNetworkProfile", "0", ro: true) with { Persistent = false });

        // B09.FR.20/33: removing slots, or adding slots whose NetworkConfiguration is valid, is Accepted; the new order is
        // used from the next connection attempt (B10.FR.03 errata: after a reboot or when the connection is lost).
        list.Add(Str(OcppCommCtrlr, "NetworkConfigurationPriority", "0") with { DataType = DataEnumType.SequenceList, ValuesList = NetworkProfileSlots });
        list.Add(Int(OcppCommCtrlr, "NetworkProfileConnectionAttempts", "3", min: 1, max: 100));

        // A jump of the station clock by more than this many seconds raises SettingSystemTime (appendix ClockCtrlr).
        list.Add(Int(ClockCtrlr, "TimeAdjustmentReportingThreshold", "20", min: 0, max: 86400, unit: "s"));

        foreach (var slot in NetworkProfileSlots.Split(','))
        {
            AddNetworkConfiguration(list, slot);
        }
    }

    private static void AddNetworkConfiguration(List<VariableDefinition> list, string slot)
    {
        // B09.FR.10: settable through SetVariables, so ReadWrite (WriteOnly for the password); limits as in
        // NetworkConnectionProfileType of SetNetworkProfileRequest.
        VariableDefinition Of(string variable, DataEnumType type, MutabilityEnumType mutability = MutabilityEnumType.ReadWrite, string? initial = null) =>
            new(new VariableKey(NetworkConfiguration, slot, null, null, variable, null), type, mutability, initial);

        list.Add(Of("OcppCsmsUrl", DataEnumType.String) with { MaxLimit = 2000 });
        list.Add(Of("OcppInterface", DataEnumType.OptionList) with { ValuesList = "Wired0,Wired1,Wired2,Wired3,Wireless0,Wireless1,Wireless2,Wireless3,Any" });

        // OCPP-J only: SOAP is not implemented.
        list.Add(Of("OcppTransport", DataEnumType.OptionList) with { ValuesList = "JSON" });

        // Ignored by the station (the version is negotiated by WebSocket subprotocol, Part 4 §3.1).
        list.Add(Of("OcppVersion", DataEnumType.OptionList) with { ValuesList = "OCPP12,OCPP15,OCPP16,OCPP20,OCPP201,OCPP21" });
        list.Add(Of("MessageTimeout", DataEnumType.Integer) with { Unit = "s", MinLimit = 1, MaxLimit = 600 });
        list.Add(Of("SecurityProfile", DataEnumType.Integer) with { MinLimit = 1, MaxLimit = 3 });
        list.Add(Of("Identity", DataEnumType.String) with { MaxLimit = 48 });

        // A00.FR.205: 16 to 40 characters; never readable (B06.FR.09).
        list.Add(Of("BasicAuthPassword", DataEnumType.String, MutabilityEnumType.WriteOnly) with { MinLimit = 16, MaxLimit = 40, Secret = true });

        // B09.FR.13: no modem and no VPN client on this station, so both are false and ReadOnly.
        list.Add(Of("VpnEnabled", DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "false") with { Constant = true });
        list.Add(Of("ApnEnabled", DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "false") with { Constant = true });
    }
}
