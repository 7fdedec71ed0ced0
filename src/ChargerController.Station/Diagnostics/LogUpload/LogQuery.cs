using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>What GetLog asks for: the log type and the optional time window (LogParametersType).</summary>
/// <param name="LogType">The log type.</param>
/// <param name="OldestTimestamp">Entries older than this are left out; null = from the start.</param>
/// <param name="LatestTimestamp">Entries newer than this are left out; null = up to now.</param>
public sealed record LogQuery(LogEnumType LogType, DateTimeOffset? OldestTimestamp, DateTimeOffset? LatestTimestamp)
{
    /// <summary>Gets whether an entry of <paramref name="timestamp"/> lies inside the window (both ends inclusive).</summary>
    /// <param name="timestamp">The entry's time.</param>
    /// <returns>True when inside.</returns>
    public bool Contains(DateTimeOffset timestamp) =>
        (OldestTimestamp is not { } oldest || timestamp >= oldest) && (LatestTimestamp is not { } latest || timestamp <= latest);
}
