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
}
