using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>Signed meter values (J01.FR.21, J02.FR.21): reported only when the meters can sign.</content>
public static partial class DeviceModelCatalog
{
    static partial void AddMeterValues(List<VariableDefinition> list, StationIdentity identity)
    {
        if (!identity.SignedMeterValues)
        {
            // Part 2 §2.9.4 / §2.9.19: a station that does not support signed meter values SHALL NOT report these.
            return;
        }

        list.AddRange(
        [
            Bool("SampledDataCtrlr", "SignReadings", "false"),

            // 2.1: narrow SignReadings for the Started and Updated events; true keeps the 2.0.1 meaning (sign them all).
            Bool("SampledDataCtrlr", "SignStartedReadings", "true"),
            Bool("SampledDataCtrlr", "SignUpdatedReadings", "true"),
            Bool("AlignedDataCtrlr", "SignReadings", "false"),
            Bool("AlignedDataCtrlr", "SignUpdatedReadings", "true"),
            Str(OcppCommCtrlr, "PublicKeyWithSignedMeterValue", "OncePerTransaction") with
            {
                DataType = DataEnumType.OptionList,
                ValuesList = "Never,OncePerTransaction,EveryMeterValue",
            },
        ]);
    }
}
