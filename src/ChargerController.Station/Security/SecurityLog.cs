using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Security;

/// <summary>Source-generated log messages of the certificate block (event ids 2320-2339). Never logs key material.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 2320, Level = LogLevel.Information, Message = "Installed {Use} certificate {Subject} ({Serial})")]
    public static partial void Installed(ILogger logger, string use, string subject, string serial);

    [LoggerMessage(EventId = 2321, Level = LogLevel.Warning, Message = "Refused {Use} certificate: {Reason}")]
    public static partial void Refused(ILogger logger, string use, string reason);

    [LoggerMessage(EventId = 2322, Level = LogLevel.Information, Message = "Deleted {Use} certificate {Subject}")]
    public static partial void Deleted(ILogger logger, string use, string subject);

    [LoggerMessage(EventId = 2323, Level = LogLevel.Information, Message = "Sent SignCertificate (requestId {RequestId}, attempt {Attempt}): {Status}")]
    public static partial void SigningRequested(ILogger logger, int requestId, int attempt, Ocpp.Enums.GenericStatusEnumType status);

    [LoggerMessage(EventId = 2324, Level = LogLevel.Warning, Message = "SignCertificate failed")]
    public static partial void SigningFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2325, Level = LogLevel.Information, Message = "New ChargingStationCertificate {Subject}, valid until {NotAfter}")]
    public static partial void Renewed(ILogger logger, string subject, DateTime notAfter);

    [LoggerMessage(EventId = 2326, Level = LogLevel.Information, Message = "Connected through the new CSMS root: removed the fallback root {Subject} (M05.FR.13)")]
    public static partial void FallbackRootRemoved(ILogger logger, string subject);

    [LoggerMessage(EventId = 2327, Level = LogLevel.Warning, Message = "Could not remove the fallback CSMS root; trying again on the next connection")]
    public static partial void FallbackRootRemovalFailed(ILogger logger, Exception exception);
}
