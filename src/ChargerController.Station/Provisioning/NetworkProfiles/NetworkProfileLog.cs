using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>Source-generated log messages of the network profiles (event ids 2300-2319).</summary>
internal static partial class NetworkProfileLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Connected on network profile slot {Slot} (security profile {Profile})")]
    public static partial void ConnectedOn(ILogger logger, int slot, int profile);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Connection attempt {Attempt} of {Attempts} on network profile slot {Slot} failed ({Kind}): {Reason}")]
    public static partial void AttemptFailed(ILogger logger, int attempt, int attempts, int slot, string kind, string reason);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Falling back from network profile slot {From} to slot {To} (B10.FR.03/07)")]
    public static partial void FallingBack(ILogger logger, int from, int to);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "SetNetworkProfile for slot {Slot} answered {Status}: {Reason}")]
    public static partial void SetNetworkProfileAnswered(ILogger logger, int slot, string status, string reason);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "BasicAuthPassword changed by the CSMS; reconnecting with it (A01)")]
    public static partial void PasswordChanged(ILogger logger);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "Could not queue security event {Type}")]
    public static partial void SecurityEventFailed(ILogger logger, string type, Exception exception);

    [LoggerMessage(EventId = 2309, Level = LogLevel.Information, Message = "Connected on slot {Slot} after slot {Previous} without a reboot (B10.FR.10)")]
    public static partial void SwitchedProfile(ILogger logger, int previous, int slot);
}
