namespace ChargerController.Station.Safety;

/// <summary>One active fault.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Reason">Human-readable detail for logs and NotifyEvent <c>techInfo</c>.</param>
/// <param name="RaisedAt">When it was raised (station clock).</param>
public sealed record Fault(FaultKind Kind, string Reason, DateTimeOffset RaisedAt)
{
    /// <summary>The reaction row for <see cref="Kind"/>.</summary>
    public FaultReaction Reaction => FaultCatalog.ReactionTo(Kind);
}
