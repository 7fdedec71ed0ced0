using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>DataCollector component (Part 2 §2.18.8, 2.1), one per EVSE, owned by the diagnostics block.</content>
public static partial class DeviceModelCatalog
{
    /// <summary>The DataCollector component (Part 2 §2.18.8).</summary>
    public const string DataCollector = "DataCollector";

    private const string DataCollectorMeasurands = "Energy.Active.Import.Register,Energy.Active.Export.Register,Power.Active.Import,Power.Active.Export,Current.Import,Voltage,Frequency";

    static partial void AddDiagnostics(List<VariableDefinition> list, StationIdentity identity)
    {
        for (var evse = 1; evse <= identity.EvseCount; evse++)
        {
            list.Add(new VariableDefinition(new VariableKey(DataCollector, null, evse, null, "Enabled", null), DataEnumType.Boolean, MutabilityEnumType.ReadWrite, "false"));
            list.Add(new VariableDefinition(new VariableKey(DataCollector, null, evse, null, "DateTime", "Start"), DataEnumType.DateTime, MutabilityEnumType.ReadWrite, null));
            list.Add(new VariableDefinition(new VariableKey(DataCollector, null, evse, null, "DateTime", "End"), DataEnumType.DateTime, MutabilityEnumType.ReadWrite, null));
            list.Add(new VariableDefinition(new VariableKey(DataCollector, null, evse, null, "SampledMeasurands", null), DataEnumType.MemberList, MutabilityEnumType.ReadWrite, "Energy.Active.Import.Register,Power.Active.Import") { ValuesList = DataCollectorMeasurands });

            // The meter is polled over Modbus RTU: a read takes tens of milliseconds, so 0.1 s is the floor.
            list.Add(new VariableDefinition(new VariableKey(DataCollector, null, evse, null, "SamplingInterval", null), DataEnumType.Decimal, MutabilityEnumType.ReadWrite, "1") { Unit = "s", MinLimit = 0.1m, MaxLimit = 3600 });
        }
    }
}
