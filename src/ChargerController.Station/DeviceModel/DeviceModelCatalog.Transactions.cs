using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>TxCtrlr, SampledDataCtrlr and AlignedDataCtrlr (blocks E and J), owned by the transaction block.</content>
public static partial class DeviceModelCatalog
{
    private const string TxPointValues = "ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer";

    static partial void AddTransactions(List<VariableDefinition> list, StationIdentity identity)
    {
        list.AddRange(
        [
            Int("TxCtrlr", "EVConnectionTimeOut", "120", min: 0, max: 3600, unit: "s"),
            // E09/E10: false suspends instead of ends a transaction that TxStopPoint Authorized alone ends.
            Bool("TxCtrlr", "StopTxOnEVSideDisconnect", "true"),
            Bool("TxCtrlr", "StopTxOnInvalidId", "true"),
            Bool("TxCtrlr", "TxBeforeAcceptedEnabled", "false"),
            Str("TxCtrlr", "TxStartPoint", "PowerPathClosed") with { DataType = DataEnumType.MemberList, ValuesList = TxPointValues },
            Str("TxCtrlr", "TxStopPoint", "EVConnected,Authorized") with { DataType = DataEnumType.MemberList, ValuesList = TxPointValues },

            // E17 (2.1): 0 = open transactions end at start-up (PowerLoss / Reboot).
            Int("TxCtrlr", "ResumptionTimeout", "0", min: 0, max: 86400, unit: "s"),
            Bool("TxCtrlr", "AllowEnergyTransferResumption", "false"),

            // E05.FR.02/03: Wh still delivered after the CSMS rejects the token of a running transaction (StopTxOnInvalidId false).
            Int("TxCtrlr", "MaxEnergyOnInvalidId", "0", min: 0, max: 1_000_000, unit: "Wh"),

            // E16.FR.12: the TransactionLimitType fields enforced here; maxSoC needs the EV's state of charge (ISO 15118).
            new VariableDefinition(VariableKey.Of("TxCtrlr", "SupportedLimits"), DataEnumType.MemberList, MutabilityEnumType.ReadOnly, Transactions.TransactionManager.SupportedLimits)
            {
                ValuesList = "maxCost,maxEnergy,maxTime,maxSoC",
            },

            // E16.FR.01: limits the station sets itself on every transaction when the driver is authorized (vendor-specific;
            // 0 = none). The stricter of these and a payment terminal's amount applies; a CSMS limit overrules both (E16.FR.07).
            Int("TxCtrlr", "DefaultMaxEnergy", "0", min: 0, max: 1_000_000_000, unit: "Wh"),
            Int("TxCtrlr", "DefaultMaxTime", "0", min: 0, max: 604_800, unit: "s"),
            new VariableDefinition(VariableKey.Of("TxCtrlr", "DefaultMaxCost"), DataEnumType.Decimal, MutabilityEnumType.ReadWrite, "0") { MinLimit = 0 },
            Members("SampledDataCtrlr", "TxEndedMeasurands", "Energy.Active.Import.Register"),
            Int("SampledDataCtrlr", "TxEndedInterval", "0", min: 0, max: 86400, unit: "s"),
            Members("SampledDataCtrlr", "TxStartedMeasurands", "Energy.Active.Import.Register"),
            Members("SampledDataCtrlr", "TxUpdatedMeasurands", "Energy.Active.Import.Register,Power.Active.Import,Current.Import"),
            Int("SampledDataCtrlr", "TxUpdatedInterval", "60", min: 0, max: 86400, unit: "s"),
            Bool("SampledDataCtrlr", "RegisterValuesWithoutPhases", "true"),
            Members("AlignedDataCtrlr", "Measurands", "Energy.Active.Import.Register"),
            Int("AlignedDataCtrlr", "Interval", "900", min: 0, max: 86400, unit: "s"),
            Members("AlignedDataCtrlr", "TxEndedMeasurands", "Energy.Active.Import.Register"),
            Int("AlignedDataCtrlr", "TxEndedInterval", "0", min: 0, max: 86400, unit: "s"),
            Bool("AlignedDataCtrlr", "SendDuringIdle", "false"),
        ]);
    }
}
