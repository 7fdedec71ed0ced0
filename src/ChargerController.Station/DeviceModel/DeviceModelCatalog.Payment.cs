using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>
/// PaymentCtrlr and WebPaymentsCtrlr (Part 2 appendix 2.4, dm_components_vars.csv), owned by the ad hoc payment block
/// (C17-C25). Both are off by default: a home charger has no payment terminal and no display for a QR code. A station
/// with a terminal turns PaymentCtrlr.Enabled on (configuration file or CSMS); a QR code needs WebPaymentsCtrlr.Enabled,
/// a URLTemplate and (for a dynamic code) a SharedSecret.
/// </content>
public static partial class DeviceModelCatalog
{
    /// <summary>The payment terminal controller (C18-C23).</summary>
    public const string PaymentCtrlr = "PaymentCtrlr";

    /// <summary>The web payment (QR code) controller (C25).</summary>
    public const string WebPaymentsCtrlr = "WebPaymentsCtrlr";

    /// <summary>The additionalInfo types a payment terminal can provide (valuesList of PaymentCtrlr.PaymentDetails).</summary>
    public const string PaymentDetailTypes = "PspRef,SessionRef,MerchantRef,PaymentBrand,ReadingMethod,PaymentRecognition,CardBin,CardLast4Digits,CardExpiryDate,HashedCardNr,WalletUserID";

    static partial void AddPayment(List<VariableDefinition> list, StationIdentity identity)
    {
        list.Add(Bool(PaymentCtrlr, "Enabled", "false"));
        list.Add(new VariableDefinition(VariableKey.Of(PaymentCtrlr, "Problem"), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "false") { Persistent = false });
        list.Add(Bool(PaymentCtrlr, "AuthorizeDirectPayment", "false"));
        list.Add(PaymentDecimal(PaymentCtrlr, "AuthorizationAmount", "50", min: 0));

        // C23: 0 = incremental authorization not allowed (the default; a terminal that supports it is configured on).
        list.Add(PaymentDecimal(PaymentCtrlr, "IncrementalAuthorizationAmount", "0", min: 0));

        // C23.FR.01: the threshold is ours to define when absent; it exists here with a value the CSO can change.
        list.Add(PaymentDecimal(PaymentCtrlr, "IncrementalAuthorizationThreshold", "5", min: 0));
        list.Add(Str(PaymentCtrlr, "PaymentDetails", "PspRef,PaymentBrand,CardBin,CardLast4Digits") with { DataType = DataEnumType.MemberList, ValuesList = PaymentDetailTypes });
        list.Add(Bool(PaymentCtrlr, "SettlementByCSMS", "false"));
        list.Add(Str(PaymentCtrlr, "ReceiptServerUrl", string.Empty, max: 512));
        list.Add(Bool(PaymentCtrlr, "ReceiptByCSMS", "true"));
        foreach (var instance in new[] { "Id", "TaxId", "Name", "Address", "City" })
        {
            list.Add(new VariableDefinition(VariableKey.Of(PaymentCtrlr, "Merchant", instance), DataEnumType.String, MutabilityEnumType.ReadWrite, string.Empty) { MaxLimit = 255 });
        }

        // Terminal data: filled in from the terminal at start-up (IPaymentTerminal.Info).
        foreach (var variable in new[] { "TerminalID", "PaymentServiceProvider", "VendorName", "Model", "SerialNumber", "FirmwareVersion", "IMSI", "ICCID" })
        {
            list.Add(new VariableDefinition(VariableKey.Of(PaymentCtrlr, variable), DataEnumType.String, MutabilityEnumType.ReadOnly, string.Empty) { Persistent = false });
        }

        list.Add(new VariableDefinition(VariableKey.Of(PaymentCtrlr, "Connected"), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "false") { Persistent = false });

        // C25.FR.01: the dynamic QR code is shown only while Enabled.
        list.Add(Bool(WebPaymentsCtrlr, "Enabled", "false"));
        list.Add(Str(WebPaymentsCtrlr, "URLTemplate", string.Empty, max: 512));
        list.Add(Str(WebPaymentsCtrlr, "URLParameters", "maxtime,maxenergy,maxcost", ro: true) with { DataType = DataEnumType.MemberList, ValuesList = "maxtime,maxenergy,maxcost" });
        list.Add(Str(WebPaymentsCtrlr, "TOTPVersion", "v1") with { DataType = DataEnumType.OptionList, ValuesList = "v1" });
        list.Add(Str(WebPaymentsCtrlr, "ChargingStationId", string.Empty, max: 48));
        list.Add(Str(WebPaymentsCtrlr, "RoamingEvseId", string.Empty, max: 64));
        list.Add(Int(WebPaymentsCtrlr, "ValidityTime", "30", min: 6, max: 3600, unit: "s"));
        list.Add(new VariableDefinition(VariableKey.Of(WebPaymentsCtrlr, "SharedSecret"), DataEnumType.String, MutabilityEnumType.WriteOnly, string.Empty) { Secret = true, MaxLimit = 255 });
        list.Add(Int(WebPaymentsCtrlr, "Length", "8", min: 6, max: 32));
    }

    private static VariableDefinition PaymentDecimal(string component, string variable, string initial, decimal? min = null) =>
        new(VariableKey.Of(component, variable), DataEnumType.Decimal, MutabilityEnumType.ReadWrite, initial) { MinLimit = min };
}
