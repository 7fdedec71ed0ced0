namespace ChargerController.Station.Tariffs;

/// <summary>
/// Read-only view of transaction costs for other blocks (payment settlement, C17-C25) and <c>chargerctl status</c>: the
/// running cost of a transaction and its final cost once it ended (the last few ended transactions are remembered).
/// </summary>
public interface ITransactionCostSource
{
    /// <summary>
    /// Raised when the cost of a transaction changed (argument: transactionId): a local sample, a CostUpdated or a totalCost
    /// from the CSMS, the end of the transaction. May be raised on any thread; handlers must return quickly. The default
    /// implementation never raises it (a source without change notification).
    /// </summary>
    event EventHandler<string>? CostChanged
    {
        add
        {
        }

        remove
        {
        }
    }

    /// <summary>Gets the cost of a transaction, running or recently ended.</summary>
    /// <param name="transactionId">The transaction.</param>
    /// <returns>The cost, or null when unknown.</returns>
    TransactionCost? CostOf(string transactionId);

    /// <summary>Gets the cost of the transaction running on an EVSE.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>The cost, or null when none runs or its cost is unknown.</returns>
    TransactionCost? RunningCostOf(int evseId);
}
