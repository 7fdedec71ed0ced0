using ChargerController.Ocpp.Messages.Security;
using ChargerController.Ocpp.Queue;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Diagnostics;

/// <summary>
/// Raises SecurityEventNotification (A04) for the events of the appendix "Security events" this station can detect.
/// Events go through the outbound queue, so they wait while offline and are delivered in order after reconnect
/// (A04.FR.02: critical events are queued with guaranteed delivery).
/// </summary>
public sealed class SecurityEventReporter
{
    /// <summary>The station started (critical).</summary>
    public const string StartupOfTheDevice = "StartupOfTheDevice";

    /// <summary>The station is about to reset/reboot (critical).</summary>
    public const string ResetOrReboot = "ResetOrReboot";

    /// <summary>A security-related setting changed (critical).</summary>
    public const string SettingSystemTime = "SettingSystemTime";

    /// <summary>The CSMS certificate failed validation (critical).</summary>
    public const string InvalidCsmsCertificate = "InvalidCsmsCertificate";

    /// <summary>The TLS handshake failed.</summary>
    public const string FailedToAuthenticateAtCsms = "FailedToAuthenticateAtCsms";

    /// <summary>The CSMS offered only a TLS version below 1.2 (critical, A00.FR.314).</summary>
    public const string InvalidTlsVersion = "InvalidTLSVersion";

    /// <summary>The CSMS offered only cipher suites the station refuses (critical, A00.FR.316).</summary>
    public const string InvalidTlsCipherSuite = "InvalidTLSCipherSuite";

    /// <summary>The security profile changed (critical).</summary>
    public const string ReconfigurationOfSecurityParameters = "ReconfigurationOfSecurityParameters";

    /// <summary>Someone tampered with the enclosure (critical).</summary>
    public const string TamperDetectionActivated = "TamperDetectionActivated";

    // A04.FR.02: kept through an outage, but not transaction-related (E13 / E14 concern TransactionEvents only).
    private static readonly QueuePolicy Policy = QueuePolicy.GuaranteedDelivery;
    private readonly IStationMessageSender _sender;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="SecurityEventReporter"/> class.</summary>
    /// <param name="sender">Queue access.</param>
    /// <param name="time">Clock.</param>
    public SecurityEventReporter(IStationMessageSender sender, TimeProvider time)
    {
        _sender = sender;
        _time = time;
    }

    /// <summary>Raised for every security event before it is queued (the security log of N01.FR.03 records them).</summary>
    public event EventHandler<SecurityEventNotificationRequest>? Raised;

    /// <summary>Queues one security event.</summary>
    /// <param name="type">The event type (appendix security events, e.g. <see cref="StartupOfTheDevice"/>).</param>
    /// <param name="techInfo">Extra technical detail (≤ 255 chars).</param>
    /// <param name="cancellationToken">Cancels the enqueue.</param>
    /// <returns>A task completing once queued.</returns>
    public async Task RaiseAsync(string type, string? techInfo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var request = new SecurityEventNotificationRequest
        {
            Type = type,
            Timestamp = _time.GetUtcNow(),
            TechInfo = techInfo is { Length: > 255 } ? techInfo[..255] : techInfo,
        };
        Raised?.Invoke(this, request);
        await _sender.EnqueueAsync(request, Policy, cancellationToken).ConfigureAwait(false);
    }
}
