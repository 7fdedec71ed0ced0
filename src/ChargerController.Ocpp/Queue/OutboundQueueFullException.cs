namespace ChargerController.Ocpp.Queue;

/// <summary>
/// A non-transactional message was refused: the queue is over its disk budget and everything left in it is billing
/// data that must not be dropped. The caller may retry once the queue has drained.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue: the name fixed by the design (conventions 2, Ocpp/Queue).")]
public sealed class OutboundQueueFullException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="OutboundQueueFullException"/> class.</summary>
    public OutboundQueueFullException()
        : base("The outbound queue is over its disk budget and holds only transaction-related messages.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OutboundQueueFullException"/> class.</summary>
    /// <param name="message">What was refused and why.</param>
    public OutboundQueueFullException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OutboundQueueFullException"/> class.</summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The cause.</param>
    public OutboundQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
