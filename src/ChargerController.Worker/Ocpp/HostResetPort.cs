using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Provisioning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargerController.Worker.Ocpp;

/// <summary>
/// Reset (B11/B12) for a systemd service: the next boot reason is stored durably in the device model's internal
/// values, then the host stops and chargerd exits with <see cref="ExitCodes.RestartRequested"/>. systemd restarts the
/// service (<c>Restart=always</c>; the unit may also list the code in <c>RestartForceExitStatus=</c>), and the new
/// process sends BootNotification with the stored reason (B11.FR.04, B12.FR.03). Leaving the process instead of
/// re-initialising in place is what a reset means: every loop, socket and cache starts from scratch.
/// </summary>
internal sealed partial class HostResetPort(
    StationDeviceModel model, IHostApplicationLifetime lifetime, ExitRequest exit, ILogger<HostResetPort> logger) : IResetPort
{
    /// <summary>Internal device-model value holding the reason for the next BootNotification.</summary>
    public const string NextBootReasonKey = "NextBootReason";

    public ValueTask RebootAsync(BootReasonEnumType nextBootReason, CancellationToken cancellationToken)
    {
        model.SetInternal(NextBootReasonKey, nextBootReason.ToString());
        LogRestart(logger, nextBootReason, ExitCodes.RestartRequested);
        exit.Request(ExitCodes.RestartRequested);
        lifetime.StopApplication();
        return ValueTask.CompletedTask;
    }

    /// <summary>Takes the stored boot reason (once): <c>PowerUp</c> when none was stored.</summary>
    public static BootReasonEnumType TakeBootReason(StationDeviceModel model)
    {
        var stored = model.GetInternal(NextBootReasonKey);
        if (string.IsNullOrEmpty(stored))
        {
            return BootReasonEnumType.PowerUp;
        }

        model.SetInternal(NextBootReasonKey, string.Empty);
        return Enum.TryParse<BootReasonEnumType>(stored, out var reason) ? reason : BootReasonEnumType.PowerUp;
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Reset requested: stopping; next boot reason {Reason}, exit code {ExitCode} (systemd restarts the service)")]
    private static partial void LogRestart(ILogger logger, BootReasonEnumType reason, int exitCode);
}
