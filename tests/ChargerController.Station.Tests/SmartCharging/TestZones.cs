namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>
/// Time zones built in the test (no dependency on the machine's tz database): the EU rule, +01:00 in winter and +02:00 in
/// summer, switching on the last Sunday of March at 02:00 local and the last Sunday of October at 03:00 local.
/// </summary>
internal static class TestZones
{
    public static TimeZoneInfo CentralEurope(string id = "Europe/Amsterdam")
    {
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(1), id, "CET", "CEST", [rule]);
    }

    public static Func<string, TimeZoneInfo?> Resolver(params TimeZoneInfo[] zones) =>
        id => zones.FirstOrDefault(z => string.Equals(z.Id, id, StringComparison.Ordinal));
}
