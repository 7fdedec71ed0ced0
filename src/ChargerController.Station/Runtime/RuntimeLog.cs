using ChargerController.Ocpp.Enums;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Runtime;

/// <summary>Source-generated log messages of the OCPP runtime (event ids 2200-2299).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "BootNotification ({Reason}) answered {Status}, interval {Interval} s")]
    public static partial void BootAnswered(ILogger logger, BootReasonEnumType reason, RegistrationStatusEnumType status, int interval);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "BootNotification failed; retrying in {Delay}")]
    public static partial void BootFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Heartbeat failed")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Status report failed")]
    public static partial void StatusReportFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "CSMS call {Action} refused with SecurityError while registration is {State}")]
    public static partial void RefusedWhileNotAccepted(ILogger logger, string action, RegistrationState state);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information, Message = "OCPP connection {State}")]
    public static partial void ConnectionChanged(ILogger logger, string state);

    [LoggerMessage(EventId = 2219, Level = LogLevel.Information, Message = "Connected through another network connection profile: registering again with a BootNotification (B10.FR.10)")]
    public static partial void Reregistering(ILogger logger);
}
