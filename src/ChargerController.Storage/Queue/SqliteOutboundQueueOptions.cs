using ChargerController.Ocpp.Queue;

namespace ChargerController.Storage.Queue;

/// <summary>Settings of the <see cref="SqliteOutboundQueue"/>.</summary>
public sealed class SqliteOutboundQueueOptions
{
    /// <summary>Gets the space budget; <see langword="null"/> for none. Defaults to <see cref="OutboundQueueBudget.Default"/>.</summary>
    public OutboundQueueBudget? Budget { get; init; } = OutboundQueueBudget.Default;

    /// <summary>Gets how many discard records are kept for support bundles (older ones are deleted; totals are kept). Default 10,000.</summary>
    public int DiscardLogLimit { get; init; } = 10_000;
}
