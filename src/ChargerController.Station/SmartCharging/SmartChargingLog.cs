using ChargerController.Hardware.Abstractions.Contactor;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.SmartCharging;

/// <summary>Source-generated log messages of smart charging (event ids 2800-2899).</summary>
internal static partial class SmartChargingLog
{
    [LoggerMessage(EventId = 2800, Level = LogLevel.Information, Message = "EVSE {EvseId}: smart-charging limit {LimitA} A")]
    public static partial void LimitChanged(ILogger logger, int evseId, double limitA);

    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "EVSE {EvseId}: smart charging requests {Phases}")]
    public static partial void PhaseSwitch(ILogger logger, int evseId, PhaseSelection phases);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Warning, Message = "Smart charging: {What} failed")]
    public static partial void Failed(ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Information, Message = "Charging profile {ProfileId} removed: {Reason}")]
    public static partial void ProfileRemoved(ILogger logger, int profileId, string reason);

    [LoggerMessage(EventId = 2804, Level = LogLevel.Warning, Message = "ClockCtrlr.TimeZone '{Zone}' is not in this system's time zone database (/usr/share/zoneinfo, package tzdata): useLocalTime schedules follow {Fallback} instead")]
    public static partial void UnknownTimeZone(ILogger logger, string zone, string fallback);

    [LoggerMessage(EventId = 2805, Level = LogLevel.Information, Message = "Local time for useLocalTime schedules: {Rules}")]
    public static partial void LocalTimeChanged(ILogger logger, string rules);
}
