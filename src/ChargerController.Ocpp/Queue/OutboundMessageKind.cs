namespace ChargerController.Ocpp.Queue;

/// <summary>What a queued message is, as far as capacity and retention rules care (derived from its action and payload).</summary>
public enum OutboundMessageKind
{
    /// <summary>Any message that is not transaction-related.</summary>
    Other = 0,

    /// <summary>TransactionEvent with <c>eventType</c> Started: billing data, never dropped.</summary>
    TransactionStarted = 1,

    /// <summary>TransactionEvent with <c>eventType</c> Updated.</summary>
    TransactionUpdated = 2,

    /// <summary>TransactionEvent with <c>eventType</c> Ended: billing data, never dropped.</summary>
    TransactionEnded = 3,

    /// <summary>SecurityEventNotification: critical ones are queued with guaranteed delivery (A04.FR.02).</summary>
    SecurityEvent = 4,
}
