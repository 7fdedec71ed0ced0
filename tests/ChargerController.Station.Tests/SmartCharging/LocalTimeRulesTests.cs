using ChargerController.Station.SmartCharging.LocalTime;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>Local time for useLocalTime schedules (K01.FR.90/91; ClockCtrlr TimeZone / TimeOffset), DST edges included.</summary>
public sealed class LocalTimeRulesTests
{
    private static readonly DateTimeOffset SpringForward = new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero); // 02:00 CET -> 03:00 CEST
    private static readonly DateTimeOffset FallBack = new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero); // 03:00 CEST -> 02:00 CET

    private static List<(long Start, long End, long Offset)> Segments(LocalTimeRules rules, DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<(long, long, long)>();
        rules.Segments(from.UtcTicks, to.UtcTicks, list);
        return list;
    }

    [Theory]
    [InlineData("+01:00", 60)]
    [InlineData("-05:30", -330)]
    [InlineData("+14:00", 840)]
    [InlineData("Z", 0)]
    [InlineData("+00:00", 0)]
    public void TryParseOffset_Rfc3339Offsets(string text, int minutes)
    {
        Assert.True(LocalTimeRules.TryParseOffset(text, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData("+1:00")]
    [InlineData("01:00")]
    [InlineData("+14:30")]
    [InlineData("+01:60")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Europe/Oslo")]
    public void TryParseOffset_RejectsWhatIsNotAnOffset(string? text) => Assert.False(LocalTimeRules.TryParseOffset(text, out _));

    [Fact]
    public void Zone_SpringForward_SplitsAtTheExactInstant()
    {
        var rules = LocalTimeRules.ForZone(TestZones.CentralEurope());
        var pieces = Segments(rules, SpringForward.AddHours(-12), SpringForward.AddHours(12));
        Assert.Equal(2, pieces.Count);
        Assert.Equal((SpringForward.AddHours(-12).UtcTicks, SpringForward.UtcTicks, TimeSpan.TicksPerHour), pieces[0]);
        Assert.Equal((SpringForward.UtcTicks, SpringForward.AddHours(12).UtcTicks, 2 * TimeSpan.TicksPerHour), pieces[1]);
    }

    [Fact]
    public void Zone_FallBack_SplitsAtTheExactInstant()
    {
        var rules = LocalTimeRules.ForZone(TestZones.CentralEurope());
        var pieces = Segments(rules, FallBack.AddDays(-2), FallBack.AddDays(2));
        Assert.Equal([2 * TimeSpan.TicksPerHour, TimeSpan.TicksPerHour], pieces.Select(p => p.Offset));
        Assert.Equal(FallBack.UtcTicks, pieces[0].End);
        Assert.Equal(FallBack.UtcTicks, pieces[1].Start);
    }

    [Fact]
    public void Zone_WindowWithoutTransition_OnePiece_AndAWindowEndingRightAtTheSwitch()
    {
        var rules = LocalTimeRules.ForZone(TestZones.CentralEurope());
        Assert.Single(Segments(rules, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 8, 0, 0, 0, TimeSpan.Zero)));
        Assert.Single(Segments(rules, SpringForward.AddHours(-1), SpringForward));
        Assert.False(rules.IsUtc);
    }

    [Fact]
    public void Offset_WithNextTransition_SwitchesOnce()
    {
        var at = new DateTimeOffset(2025, 1, 1, 13, 0, 0, TimeSpan.Zero);
        var rules = LocalTimeRules.ForOffset(TimeSpan.FromHours(2), at, TimeSpan.FromHours(3));
        Assert.Equal(TimeSpan.FromHours(2), rules.OffsetAt(at.UtcTicks - 1));
        Assert.Equal(TimeSpan.FromHours(3), rules.OffsetAt(at.UtcTicks));
        var pieces = Segments(rules, at.AddHours(-1), at.AddHours(1));
        Assert.Equal([(at.AddHours(-1).UtcTicks, at.UtcTicks, 2 * TimeSpan.TicksPerHour), (at.UtcTicks, at.AddHours(1).UtcTicks, 3 * TimeSpan.TicksPerHour)], pieces);
    }

    [Fact]
    public void Build_TimeZoneWins_UnknownZoneFallsBackToTimeOffset_NothingIsUtc()
    {
        var resolve = TestZones.Resolver(TestZones.CentralEurope());
        Assert.Equal("Europe/Amsterdam", StationLocalTime.Build("Europe/Amsterdam", "+05:00", null, null, resolve, out var unresolved).Description);
        Assert.Null(unresolved);

        var fallback = StationLocalTime.Build("Mars/Olympus", "+05:00", null, null, resolve, out unresolved);
        Assert.Equal("Mars/Olympus", unresolved);
        Assert.Equal(TimeSpan.FromHours(5), fallback.OffsetAt(0));

        Assert.True(StationLocalTime.Build(null, null, null, null, resolve, out _).IsUtc);
        Assert.True(StationLocalTime.Build(null, "garbage", null, null, resolve, out _).IsUtc);
        var switching = StationLocalTime.Build(string.Empty, "+01:00", "2025-03-30T01:00:00Z", "+02:00", resolve, out _);
        Assert.Equal(TimeSpan.FromHours(2), switching.OffsetAt(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero).UtcTicks));
    }

    [Fact]
    public void SystemZone_ResolvedFromTheTzDatabase_WhenItIsInstalled()
    {
        // .NET on Linux reads /usr/share/zoneinfo itself (no ICU), so InvariantGlobalization does not matter; without the
        // tzdata files the lookup gives null and the station falls back to TimeOffset.
        var zone = StationLocalTime.FindSystemZone("Europe/Amsterdam");
        if (File.Exists("/usr/share/zoneinfo/Europe/Amsterdam") || OperatingSystem.IsWindows())
        {
            Assert.NotNull(zone);
            Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
        }
        else
        {
            Assert.Null(zone);
        }

        Assert.Null(StationLocalTime.FindSystemZone("No/Such_Zone"));
    }
}
