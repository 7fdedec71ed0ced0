namespace ChargerController.Ocpp.Queue;

/// <summary>
/// How much space the queue may use. Above <see cref="HighWaterBytes"/> an enqueue first thins droppable Updated
/// events down to <see cref="LowWaterBytes"/> (E12.FR.04/05); transaction-related messages are always accepted, even
/// over <see cref="MaxBytes"/>, because billing data must not be lost; other messages are refused when the queue
/// would exceed <see cref="MaxBytes"/>.
/// </summary>
/// <param name="MaxBytes">The budget in bytes as accounted by <see cref="SizeOf"/> (&gt; 0).</param>
/// <param name="HighWaterRatio">Fraction of the budget that triggers thinning (0 &lt; low ≤ high ≤ 1).</param>
/// <param name="LowWaterRatio">Fraction of the budget thinning brings the queue back to.</param>
public sealed record OutboundQueueBudget(long MaxBytes, double HighWaterRatio = 0.9, double LowWaterRatio = 0.8)
{
    /// <summary>Bytes charged per message on top of payload, id and action (row header, keys, index entries).</summary>
    public const int RowOverheadBytes = 64;

    /// <summary>Gets the default budget: 256 MiB, about 250,000 TransactionEvents with 10 sampled values each.</summary>
    public static OutboundQueueBudget Default { get; } = new(256L * 1024 * 1024);

    /// <summary>Gets the usage above which thinning starts.</summary>
    public long HighWaterBytes => (long)(MaxBytes * HighWaterRatio);

    /// <summary>Gets the usage thinning aims for.</summary>
    public long LowWaterBytes => (long)(MaxBytes * LowWaterRatio);

    /// <summary>The space one message is charged.</summary>
    /// <param name="payloadBytes">Payload length in bytes.</param>
    /// <param name="messageId">Its id.</param>
    /// <param name="action">Its action.</param>
    /// <returns>Bytes.</returns>
    public static long SizeOf(int payloadBytes, string messageId, string action)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(action);
        return payloadBytes + messageId.Length + action.Length + RowOverheadBytes;
    }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBytes, 1, nameof(MaxBytes));
        if (!(LowWaterRatio > 0 && LowWaterRatio <= HighWaterRatio && HighWaterRatio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LowWaterRatio), "Need 0 < LowWaterRatio <= HighWaterRatio <= 1.");
        }
    }
}
