namespace ChargerController.Ocpp.Queue;

/// <summary>A droppable queued message as capacity thinning sees it.</summary>
/// <param name="Sequence">Its queue position.</param>
/// <param name="Bytes">Its accounted size (<see cref="OutboundQueueBudget.SizeOf"/>).</param>
public readonly record struct ThinningCandidate(long Sequence, long Bytes);
