namespace ChargerController.Station.Transactions;

/// <summary>
/// What the station remembers of an open transaction so that a restart continues it exactly (E17, E01.FR.08): its id,
/// the next seqNo, and the last event written before it was queued. The event is journaled first, queued second, then
/// marked queued; a restart re-queues a journaled event not yet marked (a duplicate with the same content at worst,
/// never a gap in seqNo).
/// </summary>
/// <param name="TransactionId">The station-generated transactionId.</param>
/// <param name="EvseId">The EVSE.</param>
/// <param name="ConnectorId">The connector.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="NextSeqNo">The seqNo the next TransactionEvent gets.</param>
public sealed record TransactionRecord(string TransactionId, int EvseId, int ConnectorId, DateTimeOffset StartedAt, int NextSeqNo)
{
    /// <summary>Gets the seqNo of the last journaled event (-1: none).</summary>
    public int PendingSeqNo { get; init; } = -1;

    /// <summary>Gets the last journaled event's payload (TransactionEventRequest JSON) until it is known to be queued.</summary>
    public string? PendingPayload { get; init; }

    /// <summary>Gets a value indicating whether the journaled event is the Ended event.</summary>
    public bool PendingIsEnded { get; init; }

    /// <summary>Gets the seqNo of the last event known to be in the outbound queue (-1: none).</summary>
    public int EnqueuedSeqNo { get; init; } = -1;

    /// <summary>Gets the idToken of the transaction, once authorized.</summary>
    public string? IdToken { get; init; }

    /// <summary>Gets the idToken type.</summary>
    public string? IdTokenType { get; init; }

    /// <summary>Gets the last chargingState reported (wire name), if any.</summary>
    public string? ChargingState { get; init; }

    /// <summary>Gets when the last event was written: the last moment the station is known to have been alive with it (E17.FR.02).</summary>
    public DateTimeOffset LastEventAt { get; init; }

    /// <summary>Gets the import register at the start, watt-hours.</summary>
    public double? MeterStartWh { get; init; }
}
