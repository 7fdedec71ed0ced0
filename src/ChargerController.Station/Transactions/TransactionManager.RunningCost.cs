namespace ChargerController.Station.Transactions;

/// <content>The running cost another block knows (added for the tariff block, I12 and E16).</content>
public sealed partial class TransactionManager
{
    /// <summary>
    /// Takes a running cost of a transaction from another block: the station's own cost calculation (I12) or a CostUpdated
    /// from the CSMS (I02). The E16 cost limit is held against it like against the CSMS's totalCost (E16 remark: with local
    /// cost calculation the station stops exactly at maxCost). Returns at once: the check runs on the transaction loop, so a
    /// contributor may call it while the loop is building an event.
    /// </summary>
    /// <param name="transactionId">The transaction; an unknown or ended one is ignored.</param>
    /// <param name="totalCost">The running total cost, including tax where taxes apply.</param>
    public void ReportRunningCost(string transactionId, decimal totalCost)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        if (totalCost >= 0)
        {
            Post("running cost", () => TakeRunningCostAsync(transactionId, totalCost));
        }
    }

    private Task TakeRunningCostAsync(string transactionId, decimal totalCost)
    {
        var state = _states.Values.FirstOrDefault(s => s.Tx?.TransactionId == transactionId);
        if (state?.Tx is not { } tx || tx.RunningCost == totalCost)
        {
            return Task.CompletedTask;
        }

        if (tx.LimitMaxCost is null)
        {
            // No cost limit to hold it against: kept for a limit that may come later, without a journal write per sample.
            state.Tx = tx with { RunningCost = totalCost };
            return Task.CompletedTask;
        }

        return ApplyCsmsLimitAsync(transactionId, null, totalCost);
    }
}
