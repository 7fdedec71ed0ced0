namespace ChargerController.Control.Wire;

/// <summary>The answer to <c>queue.list</c>.</summary>
/// <param name="Total">Messages queued in all.</param>
/// <param name="Messages">The first ones in delivery order (at most the requested limit).</param>
public sealed record QueueList(int Total, IReadOnlyList<QueueEntry> Messages);
