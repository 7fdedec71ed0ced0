using System.Globalization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.SmartCharging.LocalTime;

/// <summary>
/// The station's local time for schedules with useLocalTime (K01.FR.90/91), from the ClockCtrlr variables: TimeZone wins
/// when it names a zone this system knows (IANA id, resolved from the tz database in /usr/share/zoneinfo); otherwise
/// TimeOffset, switching to TimeOffset[NextTransition] at NextTimeOffsetTransitionDateTime when both are set; otherwise UTC.
/// Rebuilt whenever one of those variables changes.
/// </summary>
public sealed class StationLocalTime
{
    /// <summary>ClockCtrlr.TimeZone.</summary>
    public const string TimeZoneVariable = "TimeZone";

    /// <summary>ClockCtrlr.TimeOffset (instance NextTransition = the offset after the next transition).</summary>
    public const string TimeOffsetVariable = "TimeOffset";

    /// <summary>ClockCtrlr.NextTimeOffsetTransitionDateTime.</summary>
    public const string NextTransitionVariable = "NextTimeOffsetTransitionDateTime";

    /// <summary>The TimeOffset instance that holds the offset after the next transition.</summary>
    public const string NextTransitionInstance = "NextTransition";

    private readonly Func<string, TimeZoneInfo?> _resolveZone;
    private LocalTimeRules _rules = LocalTimeRules.Utc;

    /// <summary>Initializes a new instance of the <see cref="StationLocalTime"/> class.</summary>
    /// <param name="resolveZone">Finds a zone by IANA id, null when unknown; null = <see cref="FindSystemZone"/>.</param>
    public StationLocalTime(Func<string, TimeZoneInfo?>? resolveZone = null)
    {
        _resolveZone = resolveZone ?? FindSystemZone;
    }

    /// <summary>Raised after the rules changed (a ClockCtrlr variable was set).</summary>
    public event EventHandler? Changed;

    /// <summary>Gets the rules in force.</summary>
    public LocalTimeRules Rules => Volatile.Read(ref _rules);

    /// <summary>Gets the configured TimeZone that could not be resolved (no tz database or an unknown id), else null.</summary>
    public string? UnresolvedZone { get; private set; }

    /// <summary>
    /// Finds an IANA zone in the system's tz database. .NET on Linux reads /usr/share/zoneinfo (or $TZDIR) directly, so this
    /// works with InvariantGlobalization and Native AOT; without the tzdata files every zone is unknown.
    /// </summary>
    /// <param name="id">IANA id, e.g. <c>Europe/Oslo</c>.</param>
    /// <returns>The zone, or null.</returns>
    public static TimeZoneInfo? FindSystemZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or System.Security.SecurityException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads the ClockCtrlr variables now and follows their changes.</summary>
    /// <param name="model">The device model.</param>
    public void Bind(StationDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Reload(model);
        model.Changed += (_, e) =>
        {
            if (string.Equals(e.Key.Component, DeviceModelCatalog.ClockCtrlr, StringComparison.Ordinal)
                && e.Key.Variable is TimeZoneVariable or TimeOffsetVariable or NextTransitionVariable)
            {
                Reload(model);
                Changed?.Invoke(this, EventArgs.Empty);
            }
        };
    }

    /// <summary>Builds the rules from the variable values.</summary>
    /// <param name="timeZone">ClockCtrlr.TimeZone.</param>
    /// <param name="timeOffset">ClockCtrlr.TimeOffset.</param>
    /// <param name="nextTransitionAt">ClockCtrlr.NextTimeOffsetTransitionDateTime.</param>
    /// <param name="nextOffset">ClockCtrlr.TimeOffset[NextTransition].</param>
    /// <param name="resolveZone">Zone lookup.</param>
    /// <param name="unresolvedZone">The zone id that was set but not found, else null.</param>
    /// <returns>The rules.</returns>
    public static LocalTimeRules Build(string? timeZone, string? timeOffset, string? nextTransitionAt, string? nextOffset, Func<string, TimeZoneInfo?> resolveZone, out string? unresolvedZone)
    {
        ArgumentNullException.ThrowIfNull(resolveZone);
        unresolvedZone = null;
        if (!string.IsNullOrWhiteSpace(timeZone))
        {
            if (resolveZone(timeZone.Trim()) is { } zone)
            {
                return LocalTimeRules.ForZone(zone);
            }

            unresolvedZone = timeZone;
        }

        if (!LocalTimeRules.TryParseOffset(timeOffset, out var offset))
        {
            return LocalTimeRules.Utc;
        }

        if (LocalTimeRules.TryParseOffset(nextOffset, out var next)
            && DateTimeOffset.TryParse(nextTransitionAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return LocalTimeRules.ForOffset(offset, at, next);
        }

        return LocalTimeRules.ForOffset(offset);
    }

    private void Reload(StationDeviceModel model)
    {
        var clock = DeviceModelCatalog.ClockCtrlr;
        var rules = Build(
            model.GetValue(VariableKey.Of(clock, TimeZoneVariable)),
            model.GetValue(VariableKey.Of(clock, TimeOffsetVariable)),
            model.GetValue(VariableKey.Of(clock, NextTransitionVariable)),
            model.GetValue(VariableKey.Of(clock, TimeOffsetVariable, NextTransitionInstance)),
            _resolveZone,
            out var unresolved);
        UnresolvedZone = unresolved;
        Volatile.Write(ref _rules, rules);
    }
}
