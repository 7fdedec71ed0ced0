using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>TariffCostCtrlr (Part 2 appendix, Tariff and Cost), owned by the tariff block (I).</content>
public static partial class DeviceModelCatalog
{
    /// <summary>How many prices each of energy, chargingTime, idleTime and fixedFee of a tariff may hold (MaxElements[Tariff]).</summary>
    public const int TariffMaxElements = 8;

    /// <summary>The values of HandleFailedTariff (I08.FR.31-33).</summary>
    public const string HandleFailedTariffValues = "Deauthorize,UseDefault,CentralCost";

    static partial void AddTariffCost(List<VariableDefinition> list, StationIdentity identity)
    {
        const string ctrlr = "TariffCostCtrlr";

        // Available[Tariff]/[Cost]: the TariffType structure and local cost calculation are built in (errata 2.64 allows
        // read-only Enabled; here the CSMS may switch them off, then the station falls back to central cost, I02/I03).
        list.Add(new VariableDefinition(VariableKey.Of(ctrlr, "Available", "Tariff"), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "true"));
        list.Add(new VariableDefinition(VariableKey.Of(ctrlr, "Available", "Cost"), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "true"));
        list.Add(new VariableDefinition(VariableKey.Of(ctrlr, "Enabled", "Tariff"), DataEnumType.Boolean, MutabilityEnumType.ReadWrite, "true"));
        list.Add(new VariableDefinition(VariableKey.Of(ctrlr, "Enabled", "Cost"), DataEnumType.Boolean, MutabilityEnumType.ReadWrite, "true"));
        list.Add(new VariableDefinition(VariableKey.Of(ctrlr, "Enabled", "RunningCost"), DataEnumType.Boolean, MutabilityEnumType.ReadWrite, "false"));
        list.Add(Str(ctrlr, "Currency", "EUR", max: 3));
        list.Add(Str(ctrlr, "TariffFallbackMessage", string.Empty, max: 512));
        list.Add(Str(ctrlr, "TotalCostFallbackMessage", string.Empty, max: 512));
        list.Add(Str(ctrlr, "OfflineTariffFallbackMessage", string.Empty, max: 512));
        list.Add(Int(ctrlr, "Interval", "60", min: 0, max: 3600, unit: "s", instance: "Tariff"));
        list.Add(Int(ctrlr, "Interval", "60", min: 0, max: 86400, unit: "s", instance: "Cost"));
        list.Add(Int(ctrlr, "MaxElements", TariffMaxElements.ToString(System.Globalization.CultureInfo.InvariantCulture), ro: true, min: 1, instance: "Tariff"));

        // All conditions of TariffConditionsType are evaluated except paymentBrand/paymentRecognition, which only match
        // when the payment block reports them (a fixed fee with such a condition otherwise does not apply).
        list.Add(new VariableDefinition(VariableKey.Of(ctrlr, "ConditionsSupported", "Tariff"), DataEnumType.Boolean, MutabilityEnumType.ReadWrite, "true"));
        list.Add(new VariableDefinition(VariableKey.Of(ctrlr, "HandleFailedTariff", "Tariff"), DataEnumType.OptionList, MutabilityEnumType.ReadWrite, "UseDefault")
        {
            ValuesList = HandleFailedTariffValues,
        });

        // I08.FR.30 / I12.FR.18: set by the station when a tariff cannot be processed or cost cannot be calculated.
        list.Add(new VariableDefinition(VariableKey.Of(ctrlr, "Problem"), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "false") { Persistent = false });
        _ = identity;
    }
}
