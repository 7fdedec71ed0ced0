using Microsoft.Extensions.Logging;

namespace ChargerController.Hardware.Rfid;

/// <summary>Source-generated log messages of the RFID readers (event ids 3200–3299).</summary>
internal static partial class RfidLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "RFID reader {Port} unavailable, retrying in {RetryDelay}: {Reason}")]
    public static partial void ReaderUnavailable(ILogger logger, string port, TimeSpan retryDelay, string reason);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "RFID reader {Port}: {Reason}")]
    public static partial void ProtocolError(ILogger logger, string port, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "RFID reader {Port} ready ({Reader})")]
    public static partial void ReaderReady(ILogger logger, string port, string reader);
}
