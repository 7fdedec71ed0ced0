using System.Globalization;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>Charging profiles as the OCTT would send them.</summary>
internal static class ProfileJson
{
    public const string T0 = "2025-01-01T12:00:00Z";

    public static string Profile(
        int id,
        string purpose,
        int stackLevel = 0,
        string kind = "Absolute",
        decimal limit = 6,
        string unit = "A",
        string? startSchedule = T0,
        int? duration = 86400,
        string extraProfile = "",
        string extraSchedule = "",
        string extraPeriod = "",
        string? periods = null)
    {
        var start = startSchedule is null ? string.Empty : $",\"startSchedule\":\"{startSchedule}\"";
        var dur = duration is { } d ? $",\"duration\":{d}" : string.Empty;
        periods ??= $$"""[{"startPeriod":0,"limit":{{limit.ToString(CultureInfo.InvariantCulture)}},"numberPhases":3{{extraPeriod}}}]""";
        return $$"""{"id":{{id}},"stackLevel":{{stackLevel}},"chargingProfilePurpose":"{{purpose}}","chargingProfileKind":"{{kind}}"{{extraProfile}},"chargingSchedule":[{"id":1,"chargingRateUnit":"{{unit}}"{{start}}{{dur}}{{extraSchedule}},"chargingSchedulePeriod":{{periods}}}]}""";
    }

    public static string TxDefault(int id, decimal limit = 6, int stackLevel = 0, string extraProfile = "", string extraSchedule = "", string extraPeriod = "") =>
        Profile(id, "TxDefaultProfile", stackLevel, limit: limit, extraProfile: extraProfile, extraSchedule: extraSchedule, extraPeriod: extraPeriod);

    public static string Tx(int id, string transactionId, decimal limit = 6, int stackLevel = 0) =>
        Profile(id, "TxProfile", stackLevel, limit: limit, extraProfile: $",\"transactionId\":\"{transactionId}\"");

    public static string Max(int id, decimal limit = 6, string unit = "A") => Profile(id, "ChargingStationMaxProfile", limit: limit, unit: unit);
}
