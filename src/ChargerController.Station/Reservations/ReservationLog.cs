using ChargerController.Ocpp.Enums;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Reservations;

/// <summary>Source-generated log messages of the reservation block (event ids 2650-2679).</summary>
internal static partial class ReservationLog
{
    [LoggerMessage(EventId = 2650, Level = LogLevel.Information, Message = "ReserveNow {ReservationId} (EVSE {EvseId}, connector type {ConnectorType}) answered {Status}")]
    public static partial void ReserveNowAnswered(ILogger logger, int reservationId, int? evseId, string? connectorType, ReserveNowStatusEnumType status);

    [LoggerMessage(EventId = 2651, Level = LogLevel.Information, Message = "Reservation {ReservationId} ended: {Status}")]
    public static partial void ReservationEnded(ILogger logger, int reservationId, ReservationUpdateStatusEnumType status);

    [LoggerMessage(EventId = 2652, Level = LogLevel.Information, Message = "Reservation {ReservationId} cancelled by the CSMS")]
    public static partial void ReservationCancelled(ILogger logger, int reservationId);

    [LoggerMessage(EventId = 2653, Level = LogLevel.Information, Message = "Reservation {ReservationId} used on EVSE by a starting transaction")]
    public static partial void ReservationConsumed(ILogger logger, int reservationId);

    [LoggerMessage(EventId = 2654, Level = LogLevel.Warning, Message = "Reservation status report failed")]
    public static partial void NotifyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2655, Level = LogLevel.Error, Message = "Reservation store failed; answering Rejected")]
    public static partial void StoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2656, Level = LogLevel.Warning, Message = "Reservation reports still running {Seconds} s after shutdown began were abandoned")]
    public static partial void ShutdownAbandoned(ILogger logger, double seconds);
}
