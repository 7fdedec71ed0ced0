using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>CustomizationCtrlr.CustomTriggers (F06.FR.18, Part 2 §2.1.35).</content>
public static partial class DeviceModelCatalog
{
    static partial void AddRemoteControl(List<VariableDefinition> list, StationIdentity identity)
    {
        // Optional variable: a station without custom triggers does not report it.
        if (identity.CustomTriggers.Count == 0)
        {
            return;
        }

        var names = string.Join(',', identity.CustomTriggers);
        list.Add(new VariableDefinition(VariableKey.Of("CustomizationCtrlr", "CustomTriggers"), DataEnumType.MemberList, MutabilityEnumType.ReadOnly, names)
        {
            ValuesList = names,
            Constant = true,
        });
    }
}
