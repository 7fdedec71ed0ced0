using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>SmartChargingCtrlr (OCPP 2.1 appendix, Part 2 K): what the K block supports on this AC station.</content>
public static partial class DeviceModelCatalog
{
    /// <summary>The smart charging controller.</summary>
    public const string SmartChargingCtrlr = "SmartChargingCtrlr";

    static partial void AddSmartCharging(List<VariableDefinition> list, StationIdentity identity)
    {
        list.Add(Bool(SmartChargingCtrlr, "Available", "true", ro: true));
        list.Add(Bool(SmartChargingCtrlr, "Enabled", "true"));
        list.Add(new VariableDefinition(VariableKey.Of(SmartChargingCtrlr, "Entries", "ChargingProfiles"), DataEnumType.Integer, MutabilityEnumType.ReadOnly, "0") { MaxLimit = 48, Persistent = false });
        list.Add(new VariableDefinition(VariableKey.Of(SmartChargingCtrlr, "LimitChangeSignificance"), DataEnumType.Decimal, MutabilityEnumType.ReadWrite, "1.0") { MinLimit = 0, MaxLimit = 100, Unit = "Percent" });
        list.Add(Int(SmartChargingCtrlr, "PeriodsPerSchedule", "48", ro: true));
        list.Add(Int(SmartChargingCtrlr, "ProfileStackLevel", "8", ro: true));
        list.Add(Str(SmartChargingCtrlr, "RateUnit", "A,W", ro: true) with { DataType = DataEnumType.MemberList, ValuesList = "A,W" });

        // K01.FR.46-48: single-phase charging always uses L1 (the second contactor drops L2/L3), so the phase cannot be chosen.
        list.Add(Bool(SmartChargingCtrlr, "ACPhaseSwitchingSupported", "false", ro: true) with { Constant = true });
        list.Add(Bool(SmartChargingCtrlr, "Phases3to1", "false", ro: true) with { Persistent = false });
        list.Add(Bool(SmartChargingCtrlr, "ExternalControlSignalsEnabled", "true"));
        list.Add(Bool(SmartChargingCtrlr, "NotifyChargingLimitWithSchedules", "false"));
        list.Add(Bool(SmartChargingCtrlr, "ExternalConstraintsProfileDisallowed", "false"));
        list.Add(Int(SmartChargingCtrlr, "MaxExternalConstraintsId", "0", min: 0, max: 1000));
        list.Add(Str(SmartChargingCtrlr, "SupportedAdditionalPurposes", "PriorityCharging,LocalGeneration", ro: true) with { DataType = DataEnumType.MemberList, ValuesList = "PriorityCharging,LocalGeneration" });

        // K01.FR.27/55: every purpose is stored in SQLite, so the optional ones report persistence too.
        foreach (var purpose in (string[])["TxProfile", "LocalGeneration", "ChargingStationExternalConstraints"])
        {
            list.Add(new VariableDefinition(VariableKey.Of(SmartChargingCtrlr, "ChargingProfilePersistence", purpose), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "true") { Constant = true });
        }

        // 2.1 feature switches (Part 2 form SupportsFeature[...]): Dynamic profiles, maxOfflineDuration, useLocalTime and
        // randomizedDelay yes (the last two can be switched off in chargerd's configuration, SmartChargingOptions, which
        // the module writes here at start); limitAtSoC (needs the EV's SoC from ISO 15118) and evseSleep no, so
        // K01.FR.125/126 reject them.
        foreach (var (feature, supported) in (ReadOnlySpan<(string, string)>)[("DynamicProfiles", "true"), ("MaxOfflineDuration", "true"), ("UseLocalTime", "true"), ("RandomizedDelay", "true"), ("LimitAtSoC", "false"), ("EvseSleep", "false")])
        {
            list.Add(new VariableDefinition(VariableKey.Of(SmartChargingCtrlr, "SupportsFeature", feature), DataEnumType.Boolean, MutabilityEnumType.ReadOnly, supported) { Constant = true });
        }

        // Local time for useLocalTime schedules (K01.FR.90/91; appendix ClockCtrlr). Unset = UTC. TimeZone (an IANA id such as
        // Europe/Oslo, daylight saving included) wins over TimeOffset (+01:00), which may switch once to
        // TimeOffset[NextTransition] at NextTimeOffsetTransitionDateTime.
        list.Add(Str(ClockCtrlr, "TimeZone", null, max: 64));
        list.Add(Str(ClockCtrlr, "TimeOffset", null, max: 6));
        list.Add(new VariableDefinition(VariableKey.Of(ClockCtrlr, "TimeOffset", "NextTransition"), DataEnumType.String, MutabilityEnumType.ReadWrite, null) { MaxLimit = 6 });
        list.Add(new VariableDefinition(VariableKey.Of(ClockCtrlr, "NextTimeOffsetTransitionDateTime"), DataEnumType.DateTime, MutabilityEnumType.ReadWrite, null));
    }
}
