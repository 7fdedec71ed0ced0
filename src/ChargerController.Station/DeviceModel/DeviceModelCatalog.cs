using System.Globalization;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <summary>
/// Our own table of the components and variables this station supports, derived from the appendix
/// <c>dm_components_vars.csv</c> of OCPP 2.1 (only what the station implements; names exact).
/// Each functional block adds its controller's variables in its own <c>DeviceModelCatalog.&lt;Block&gt;.cs</c> part by
/// implementing one of the partial hooks below, so blocks do not edit one shared list.
/// </summary>
public static partial class DeviceModelCatalog
{
    /// <summary>Component names used by the station code.</summary>
    public const string OcppCommCtrlr = "OCPPCommCtrlr";

    /// <summary>Security controller.</summary>
    public const string SecurityCtrlr = "SecurityCtrlr";

    /// <summary>Device data controller.</summary>
    public const string DeviceDataCtrlr = "DeviceDataCtrlr";

    /// <summary>Clock controller.</summary>
    public const string ClockCtrlr = "ClockCtrlr";

    /// <summary>The charging station component.</summary>
    public const string ChargingStation = "ChargingStation";

    /// <summary>The EVSE component.</summary>
    public const string Evse = "EVSE";

    /// <summary>The connector component.</summary>
    public const string Connector = "Connector";

    private const string Measurands = "Current.Import,Current.Offered,Energy.Active.Import.Register,Power.Active.Import,Voltage,SoC";
    private const string AvailabilityStates = "Available,Occupied,Reserved,Unavailable,Faulted";

    /// <summary>Builds the definitions for a station.</summary>
    /// <param name="identity">Vendor, model, identity, EVSE count.</param>
    /// <returns>The definitions.</returns>
    public static IReadOnlyList<VariableDefinition> Create(StationIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var list = new List<VariableDefinition>
        {
            Str(OcppCommCtrlr, "FileTransferProtocols", "HTTPS", ro: true) with { DataType = DataEnumType.MemberList, ValuesList = "FTP,FTPS,HTTP,HTTPS,SFTP" },
            Int(OcppCommCtrlr, "HeartbeatInterval", "300", min: 1, max: 86400, unit: "s"),
            Int(OcppCommCtrlr, "MessageTimeout", "30", min: 1, max: 600, unit: "s", instance: "Default") with { RebootRequired = true },
            Int(OcppCommCtrlr, "MessageAttemptInterval", "60", min: 0, max: 86400, unit: "s", instance: "TransactionEvent"),
            Int(OcppCommCtrlr, "MessageAttempts", "3", min: 0, max: 100, instance: "TransactionEvent"),
            Int(OcppCommCtrlr, "MinimumStatusDuration", "0", min: 0, max: 3600, unit: "s"),
            Int(OcppCommCtrlr, "OfflineThreshold", "300", min: 0, max: 86400, unit: "s"),
            Int(OcppCommCtrlr, "ResetRetries", "2", min: 0, max: 10),
            Int(OcppCommCtrlr, "RetryBackOffRandomRange", "10", min: 0, max: 3600, unit: "s"),
            Int(OcppCommCtrlr, "RetryBackOffRepeatTimes", "5", min: 0, max: 100),
            Int(OcppCommCtrlr, "RetryBackOffWaitMinimum", "10", min: 0, max: 3600, unit: "s"),
            Bool(OcppCommCtrlr, "UnlockOnEVSideDisconnect", "true"),
            Int(OcppCommCtrlr, "WebSocketPingInterval", "30", min: 0, max: 3600, unit: "s"),
            Int(DeviceDataCtrlr, "ItemsPerMessage", "20", ro: true, instance: "GetReport"),
            Int(DeviceDataCtrlr, "ItemsPerMessage", "20", ro: true, instance: "GetVariables"),
            Int(DeviceDataCtrlr, "ItemsPerMessage", "20", ro: true, instance: "SetVariables"),
            Int(DeviceDataCtrlr, "BytesPerMessage", "65000", ro: true, instance: "GetReport"),
            Int(DeviceDataCtrlr, "BytesPerMessage", "65000", ro: true, instance: "GetVariables"),
            Int(DeviceDataCtrlr, "BytesPerMessage", "65000", ro: true, instance: "SetVariables"),
            Int(DeviceDataCtrlr, "ConfigurationValueSize", "1000", ro: true),
            Int(DeviceDataCtrlr, "ReportingValueSize", "2500", ro: true),
            Int(DeviceDataCtrlr, "ValueSize", "2500", ro: true),
            new VariableDefinition(VariableKey.Of(ClockCtrlr, "DateTime"), DataEnumType.DateTime, MutabilityEnumType.ReadOnly, null) { Persistent = false },
            Str(ClockCtrlr, "TimeSource", "Heartbeat") with { DataType = DataEnumType.SequenceList, ValuesList = "Heartbeat,NTP,GPS,RealTimeClock,MobileNetwork,RadioTimeTransmitter" },
            State(new VariableKey(ChargingStation, null, null, null, "AvailabilityState", null)),
            Bool(ChargingStation, "Available", "true", ro: true),
            Str(ChargingStation, "Model", identity.Model, ro: true) with { Constant = true },
            Str(ChargingStation, "VendorName", identity.VendorName, ro: true) with { Constant = true },
            Int(ChargingStation, "SupplyPhases", "3", ro: true),
        };

        for (var evse = 1; evse <= identity.EvseCount; evse++)
        {
            list.Add(State(new VariableKey(Evse, null, evse, null, "AvailabilityState", null)));
            list.Add(new VariableDefinition(new VariableKey(Evse, null, evse, null, "Available", null), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "true"));
            list.Add(new VariableDefinition(new VariableKey(Evse, null, evse, null, "AllowReset", null), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "false") { Constant = true });
            list.Add(new VariableDefinition(new VariableKey(Evse, null, evse, null, "Power", null), DataEnumType.Decimal, MutabilityEnumType.ReadOnly, "0") { Unit = "W", MaxLimit = identity.EvseMaxPowerW, Persistent = false });
            list.Add(new VariableDefinition(new VariableKey(Evse, null, evse, null, "SupplyPhases", null), DataEnumType.Integer, MutabilityEnumType.ReadOnly, "3"));
            list.Add(State(new VariableKey(Connector, null, evse, 1, "AvailabilityState", null)));
            list.Add(new VariableDefinition(new VariableKey(Connector, null, evse, 1, "Available", null), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "true"));
            list.Add(new VariableDefinition(new VariableKey(Connector, null, evse, 1, "ConnectorType", null), DataEnumType.String, MutabilityEnumType.ReadOnly, identity.ConnectorType) { Constant = true });
            list.Add(new VariableDefinition(new VariableKey(Connector, null, evse, 1, "SupplyPhases", null), DataEnumType.Integer, MutabilityEnumType.ReadOnly, "3"));
        }

        AddNetwork(list, identity);
        AddSecurity(list, identity);
        AddAuthorization(list, identity);
        AddReservations(list, identity);
        AddTransactions(list, identity);
        AddSmartCharging(list, identity);
        AddMonitoring(list, identity);
        AddDiagnostics(list, identity);
        AddFirmware(list, identity);
        AddDisplayMessages(list, identity);
        AddTariffCost(list, identity);
        AddPayment(list, identity);
        AddMeterValues(list, identity);
        AddRemoteControl(list, identity);
        return list;
    }

    static partial void AddNetwork(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddSecurity(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddAuthorization(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddReservations(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddTransactions(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddSmartCharging(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddMonitoring(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddDiagnostics(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddFirmware(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddDisplayMessages(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddTariffCost(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddPayment(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddMeterValues(List<VariableDefinition> list, StationIdentity identity);

    static partial void AddRemoteControl(List<VariableDefinition> list, StationIdentity identity);

    private static VariableDefinition Int(string component, string variable, string initial, bool ro = false, decimal? min = null, decimal? max = null, string? unit = null, string? instance = null) =>
        new(VariableKey.Of(component, variable, instance), DataEnumType.Integer, ro ? MutabilityEnumType.ReadOnly : MutabilityEnumType.ReadWrite, initial) { MinLimit = min, MaxLimit = max, Unit = unit };

    private static VariableDefinition Bool(string component, string variable, string initial, bool ro = false) =>
        new(VariableKey.Of(component, variable), DataEnumType.Boolean, ro ? MutabilityEnumType.ReadOnly : MutabilityEnumType.ReadWrite, initial);

    private static VariableDefinition Str(string component, string variable, string? initial, bool ro = false, decimal? max = null) =>
        new(VariableKey.Of(component, variable), DataEnumType.String, ro ? MutabilityEnumType.ReadOnly : MutabilityEnumType.ReadWrite, initial) { MaxLimit = max };

    private static VariableDefinition Members(string component, string variable, string initial) =>
        new(VariableKey.Of(component, variable), DataEnumType.MemberList, MutabilityEnumType.ReadWrite, initial) { ValuesList = Measurands };

    private static VariableDefinition State(VariableKey key) =>
        new(key, DataEnumType.OptionList, MutabilityEnumType.ReadOnly, "Available") { ValuesList = AvailabilityStates, Persistent = false };
}
