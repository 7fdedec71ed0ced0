using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Monitoring;

/// <summary>Log messages of the monitoring block (event ids 2300-2319).</summary>
internal static partial class MonitoringLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Monitor {Id} on {Variable} installed ({Type}, value {Value}, severity {Severity})")]
    public static partial void Installed(ILogger logger, int id, VariableKey variable, MonitorEnumType type, decimal value, int severity);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Monitor {Id} removed")]
    public static partial void Removed(ILogger logger, int id);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Debug, Message = "Monitor {Id} event {EventId} ({Trigger}, cleared {Cleared}) on {Variable}")]
    public static partial void EventRaised(ILogger logger, int? id, int eventId, EventTriggerEnumType trigger, bool cleared, VariableKey variable);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Offline: event {EventId} of severity {Severity} dropped (OfflineQueuingSeverity {Limit})")]
    public static partial void DroppedOffline(ILogger logger, int eventId, int severity, int limit);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "NotifyEvent {EventId} could not be queued")]
    public static partial void QueueFailed(ILogger logger, int eventId, Exception exception);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Information, Message = "Periodic event stream {Id} {State}")]
    public static partial void StreamState(ILogger logger, int id, string state);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Periodic event stream {Id}: {What} failed")]
    public static partial void StreamFailed(ILogger logger, int id, string what, Exception exception);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Information, Message = "Monitoring base {Base}")]
    public static partial void Settings(ILogger logger, MonitoringBaseEnumType @base);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Warning, Message = "NotifyMonitoringReport {RequestId} failed")]
    public static partial void ReportFailed(ILogger logger, int requestId, Exception exception);
}
