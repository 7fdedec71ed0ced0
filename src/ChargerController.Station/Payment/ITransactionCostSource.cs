namespace ChargerController.Station.Payment;

/// <summary>
/// The running cost of a transaction, which incremental authorization (C23) and settlement (C21) need. The payment block
/// does not calculate cost: the default <see cref="CsmsTotalCostSource"/> takes the totalCost the CSMS reports in
/// TransactionEventResponses (central cost calculation, E16.FR.15); a station with local cost calculation (block I)
/// registers its own source.
/// </summary>
public interface ITransactionCostSource
{
    /// <summary>Raised when the known cost of a transaction changed (argument: transactionId). May be raised on any thread.</summary>
    event EventHandler<string>? CostChanged;

    /// <summary>Gets the running (or, after the end, the final) total cost of a transaction, or <see langword="null"/> when none is known yet.</summary>
    /// <param name="transactionId">The transaction.</param>
    /// <returns>The cost in the tariff's currency, including tax when known.</returns>
    decimal? TotalCost(string transactionId);
}
