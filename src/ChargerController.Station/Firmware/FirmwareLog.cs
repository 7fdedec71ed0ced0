using ChargerController.Ocpp.Enums;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Firmware;

/// <summary>Source-generated log messages of the firmware update block (event ids 2700-2729).</summary>
internal static partial class FirmwareLog
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Information, Message = "Firmware update {RequestId}: {Status}")]
    public static partial void Status(ILogger logger, int requestId, FirmwareStatusEnumType status);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "UpdateFirmware {RequestId} answered {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, int requestId, UpdateFirmwareStatusEnumType status, string reason);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Warning, Message = "Firmware update {RequestId}: download attempt {Attempt} of {Attempts} failed")]
    public static partial void DownloadAttemptFailed(ILogger logger, int requestId, int attempt, int attempts, Exception exception);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Warning, Message = "Firmware update {RequestId}: sending FirmwareStatusNotification {Status} failed")]
    public static partial void SendFailed(ILogger logger, int requestId, FirmwareStatusEnumType status, Exception exception);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Error, Message = "Firmware update {RequestId} failed")]
    public static partial void Failed(ILogger logger, int requestId, Exception exception);

    [LoggerMessage(EventId = 2705, Level = LogLevel.Information, Message = "Firmware update {RequestId} canceled")]
    public static partial void Canceled(ILogger logger, int requestId);

    [LoggerMessage(EventId = 2706, Level = LogLevel.Warning, Message = "Firmware update {RequestId}: the new firmware did not reach an accepted boot; rolling back")]
    public static partial void RollingBack(ILogger logger, int requestId);

    [LoggerMessage(EventId = 2707, Level = LogLevel.Information, Message = "Simulated firmware install of request {RequestId} ({Bytes} bytes)")]
    public static partial void SimulatedInstall(ILogger logger, int requestId, long bytes);

    [LoggerMessage(EventId = 2708, Level = LogLevel.Warning, Message = "Firmware installer: {Message}")]
    public static partial void InstallerProblem(ILogger logger, string message, Exception? exception);

    [LoggerMessage(EventId = 2709, Level = LogLevel.Information, Message = "Firmware installer: installed {Release} beside {Previous}; a restart activates it")]
    public static partial void Staged(ILogger logger, string release, string previous);

    [LoggerMessage(EventId = 2710, Level = LogLevel.Warning, Message = "Firmware installer: {Installed} used {Boots} trial boots without an accepted boot; switching back to {Previous}")]
    public static partial void TrialBootsUsed(ILogger logger, string installed, int boots, string previous);

    [LoggerMessage(EventId = 2711, Level = LogLevel.Information, Message = "Firmware installer: {Installed} reached an accepted boot; {Previous} kept for the next roll-back")]
    public static partial void Confirmed(ILogger logger, string installed, string previous);

    [LoggerMessage(EventId = 2712, Level = LogLevel.Warning, Message = "Firmware installer: {Command} exited {ExitCode}: {Error}")]
    public static partial void CommandFailed(ILogger logger, string command, int exitCode, string error);
}
