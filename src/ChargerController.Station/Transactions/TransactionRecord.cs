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

    /// <summary>Gets the transaction's energy limit (E16 <c>maxEnergy</c>), watt-hours delivered since the start.</summary>
    public double? LimitMaxEnergyWh { get; init; }

    /// <summary>Gets the transaction's time limit (E16 <c>maxTime</c>), seconds since Started (E16.FR.09).</summary>
    public int? LimitMaxTimeS { get; init; }

    /// <summary>Gets the transaction's cost limit (E16 <c>maxCost</c>), in the tariff currency.</summary>
    public decimal? LimitMaxCost { get; init; }

    /// <summary>
    /// Gets the energy limit the CSMS set (watt-hours), if it set one: the ceiling for any limit the station sets later (E16.FR.04).
    /// </summary>
    public double? CsmsMaxEnergyWh { get; init; }

    /// <summary>Gets the time limit the CSMS set (seconds), if it set one: the ceiling for the station's own (E16.FR.04).</summary>
    public int? CsmsMaxTimeS { get; init; }

    /// <summary>Gets the cost limit the CSMS set, if it set one: the ceiling for the station's own (E16.FR.04).</summary>
    public decimal? CsmsMaxCost { get; init; }

    /// <summary>Gets the running cost the CSMS last reported (<c>totalCost</c>, central cost calculation, E16.FR.15).</summary>
    public decimal? RunningCost { get; init; }

    /// <summary>Gets the triggerReason of the limit that suspended the energy (E16.FR.05), until the limit is raised.</summary>
    public string? LimitReached { get; init; }

    /// <summary>Gets the import register when the CSMS rejected the idToken while energy stays allowed (MaxEnergyOnInvalidId, E05.FR.03).</summary>
    public double? InvalidIdSinceWh { get; init; }

    /// <summary>Gets a value indicating whether the energy allowed after the rejection is used up and the energy stopped (E05.FR.02).</summary>
    public bool InvalidIdExhausted { get; init; }

    /// <summary>Gets the cable rating last reported in <c>cableMaxCurrent</c>, amperes.</summary>
    public int? CableMaxCurrentA { get; init; }

    /// <summary>Gets the TxEnded sampled values collected so far (a MeterValuesRequest JSON holding them), for the Ended event.</summary>
    public string? EndedValuesJson { get; init; }
}
