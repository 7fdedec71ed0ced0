namespace ChargerController.Ocpp.Queue;

/// <summary>
/// How a queued message is delivered and retried. TransactionEvents use <see cref="Transactional"/>-like policies: kept
/// while offline and retried after a CALLERROR or timeout up to <c>MessageAttempts[TransactionEvent]</c> times, waiting
/// n × <c>MessageAttemptInterval[TransactionEvent]</c> before attempt n + 1 (E13.FR.02-04). Critical security events are
/// kept while offline too (<see cref="GuaranteedDelivery"/>, A04.FR.02) without being transaction-related: whether a
/// message is transaction-related is the queue's classification of its action (<see cref="OutboundMessage.IsTransactionRelated"/>),
/// never the policy's. Other messages are only queued while offline when <c>QueueAllMessages</c> is true.
/// </summary>
/// <param name="IsTransactional">Whether the message survives being offline regardless of QueueAllMessages (and is never
/// dropped for space): TransactionEvents and messages with guaranteed delivery.</param>
/// <param name="MaxAttempts">Attempts answered by CALLERROR or timeout before the message is dropped (≥ 1).</param>
/// <param name="RetryInterval">Base wait between attempts; attempt n + 1 waits n × this.</param>
public sealed record QueuePolicy(bool IsTransactional, int MaxAttempts, TimeSpan RetryInterval)
{
    /// <summary>Gets the policy of a transaction-related message with the spec's example values (3 attempts, 60 s).</summary>
    public static QueuePolicy Transactional { get; } = new(true, 3, TimeSpan.FromSeconds(60));

    /// <summary>
    /// Gets the policy of a message that is not transaction-related but must reach the CSMS even after an outage: critical
    /// security events (A04.FR.02). Kept while offline; 3 attempts, 60 s apart, independent of the TransactionEvent settings.
    /// </summary>
    public static QueuePolicy GuaranteedDelivery { get; } = new(true, 3, TimeSpan.FromSeconds(60));

    /// <summary>Gets the policy of any other queued message: one attempt.</summary>
    public static QueuePolicy Normal { get; } = new(false, 1, TimeSpan.Zero);

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failures (E13.FR.03).</summary>
    /// <param name="failedAttempts">Failures so far (≥ 1).</param>
    /// <returns>The wait.</returns>
    public TimeSpan DelayAfter(int failedAttempts) => RetryInterval * Math.Max(1, failedAttempts);
}
