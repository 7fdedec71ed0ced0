namespace ChargerController.Station.Tariffs;

/// <summary>
/// Read-only view of transaction costs for other blocks (payment settlement, C17-C25) and <c>chargerctl status</c>: the
/// running cost of a transaction and its final cost once it ended (the last few ended transactions are remembered).
/// </summary>
public interface ITransactionCostSource
{
    /// <summary>Gets the cost of a transaction, running or recently ended.</summary>
    /// <param name="transactionId">The transaction.</param>
    /// <returns>The cost, or null when unknown.</returns>
    TransactionCost? CostOf(string transactionId);

    /// <summary>Gets the cost of the transaction running on an EVSE.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>The cost, or null when none runs or its cost is unknown.</returns>
    TransactionCost? RunningCostOf(int evseId);
}
