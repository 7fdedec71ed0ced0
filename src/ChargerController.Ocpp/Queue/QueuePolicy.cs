namespace ChargerController.Ocpp.Queue;

/// <summary>
/// How a queued message is delivered and retried. Transaction-related messages (TransactionEvent, critical security
/// events) use <see cref="Transactional"/>: kept while offline and retried after a CALLERROR or timeout up to
/// <c>MessageAttempts[TransactionEvent]</c> times, waiting n × <c>MessageAttemptInterval[TransactionEvent]</c> before
/// attempt n + 1 (E13.FR.02-04). Other messages are only queued while offline when <c>QueueAllMessages</c> is true.
/// </summary>
/// <param name="IsTransactional">Whether the message survives being offline regardless of QueueAllMessages.</param>
/// <param name="MaxAttempts">Attempts answered by CALLERROR or timeout before the message is dropped (≥ 1).</param>
/// <param name="RetryInterval">Base wait between attempts; attempt n + 1 waits n × this.</param>
public sealed record QueuePolicy(bool IsTransactional, int MaxAttempts, TimeSpan RetryInterval)
{
    /// <summary>Gets the policy of a transaction-related message with the spec's example values (3 attempts, 60 s).</summary>
    public static QueuePolicy Transactional { get; } = new(true, 3, TimeSpan.FromSeconds(60));

    /// <summary>Gets the policy of any other queued message: one attempt.</summary>
    public static QueuePolicy Normal { get; } = new(false, 1, TimeSpan.Zero);

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failures (E13.FR.03).</summary>
    /// <param name="failedAttempts">Failures so far (≥ 1).</param>
    /// <returns>The wait.</returns>
    public TimeSpan DelayAfter(int failedAttempts) => RetryInterval * Math.Max(1, failedAttempts);
}
