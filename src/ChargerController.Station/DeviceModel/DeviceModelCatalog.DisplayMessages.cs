using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>DisplayMessageCtrlr (Part 2 appendix 2.14), owned by the display message block (O).</content>
public static partial class DeviceModelCatalog
{
    /// <summary>The display message controller.</summary>
    public const string DisplayMessageCtrlr = "DisplayMessageCtrlr";

    /// <summary>How many CSMS messages the station keeps at once (DisplayMessageCtrlr.DisplayMessages maxLimit, O01.FR.11).</summary>
    public const int DisplayMessageCapacity = 32;

    /// <summary>
    /// The languages the station's display shows (valuesList of DisplayMessageCtrlr.Language): text displays render any
    /// of these in UTF-8. A message in another language is answered LanguageNotSupported (O01.FR.18).
    /// </summary>
    public const string DisplayMessageLanguages = "en,de,fr,nl,it,es,pt,da,sv,nb,fi,pl,cs";

    static partial void AddDisplayMessages(List<VariableDefinition> list, StationIdentity identity)
    {
        // The text display shows ASCII, UTF8 and a URI as text; HTML and QR codes need a graphical display, whose maker
        // widens SupportedFormats in the configuration file. Suspended/Discharging are not told apart from Charging by the
        // default state source, so they are not offered (answered NotSupportedState, O01.FR.02).
        list.Add(Bool(DisplayMessageCtrlr, "Available", "true", ro: true));
        list.Add(Bool(DisplayMessageCtrlr, "Enabled", "true"));
        list.Add(new VariableDefinition(VariableKey.Of(DisplayMessageCtrlr, "DisplayMessages"), DataEnumType.Integer, MutabilityEnumType.ReadOnly, "0")
        {
            MaxLimit = DisplayMessageCapacity,
            Persistent = false,
        });
        list.Add(Str(DisplayMessageCtrlr, "SupportedFormats", "ASCII,UTF8,URI", ro: true) with { DataType = DataEnumType.MemberList, ValuesList = "ASCII,HTML,URI,UTF8,QRCODE" });
        list.Add(Str(DisplayMessageCtrlr, "SupportedPriorities", "AlwaysFront,InFront,NormalCycle", ro: true) with { DataType = DataEnumType.MemberList, ValuesList = "AlwaysFront,InFront,NormalCycle" });
        list.Add(Str(DisplayMessageCtrlr, "SupportedStates", "Charging,Faulted,Idle,Unavailable", ro: true) with { DataType = DataEnumType.MemberList, ValuesList = "Charging,Faulted,Idle,Unavailable,Suspended,Discharging" });
        list.Add(Str(DisplayMessageCtrlr, "Language", "en") with { DataType = DataEnumType.OptionList, ValuesList = DisplayMessageLanguages });
    }
}
