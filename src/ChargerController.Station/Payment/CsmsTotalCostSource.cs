using System.Collections.Concurrent;
using System.Text.Json;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Messages.Transactions;
using ChargerController.Ocpp.Serialization;

namespace ChargerController.Station.Payment;

/// <summary>
/// The default <see cref="ITransactionCostSource"/>: the cost the CSMS reports (totalCost of TransactionEventResponse,
/// E16.FR.15; CostUpdated through <see cref="Report"/>) or, for the Ended event, the costDetails a local cost
/// calculation put in the request (C21: the amount in costDetails.totalCost).
/// </summary>
public sealed class CsmsTotalCostSource : ITransactionCostSource
{
    /// <summary>
    /// How many transactions' costs are kept. A cost is forgotten when its payment is settled; costs of transactions nobody
    /// settles (payment off, RFID sessions) are dropped oldest first, so the memory stays bounded for the life of the process.
    /// </summary>
    public const int MaxKept = 64;

    private readonly ConcurrentDictionary<string, decimal> costs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <inheritdoc />
    public event EventHandler<string>? CostChanged;

    /// <inheritdoc />
    public decimal? TotalCost(string transactionId) => costs.TryGetValue(transactionId, out var cost) ? cost : null;

    /// <summary>Records a cost the CSMS reported for a transaction (e.g. from CostUpdatedRequest, I02).</summary>
    /// <param name="transactionId">The transaction.</param>
    /// <param name="totalCost">The running total cost.</param>
    public void Report(string transactionId, decimal totalCost)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        if (totalCost < 0)
        {
            // A negative cost is nonsense on the wire; it never lowers what the driver is charged.
            return;
        }

        var changed = true;
        var added = false;
        costs.AddOrUpdate(
            transactionId,
            _ =>
            {
                added = true;
                return totalCost;
            },
            (_, old) =>
            {
                changed = old != totalCost;
                return totalCost;
            });
        if (added)
        {
            order.Enqueue(transactionId);
            while (order.Count > MaxKept && order.TryDequeue(out var oldest))
            {
                costs.TryRemove(oldest, out _);
            }
        }

        if (changed)
        {
            CostChanged?.Invoke(this, transactionId);
        }
    }

    /// <summary>Forgets a transaction once it is settled.</summary>
    /// <param name="transactionId">The transaction.</param>
    public void Forget(string transactionId) => costs.TryRemove(transactionId, out _);

    /// <summary>Takes the cost out of a delivered TransactionEvent (request costDetails, response totalCost).</summary>
    /// <param name="e">The delivered message.</param>
    public void Observe(OutboundDeliveredEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Message.Action != "TransactionEvent" || e.Message.TransactionId is not { } transactionId)
        {
            return;
        }

        if (PaymentWire.Read(e.Message.PayloadJson, OcppJsonContext.Default.TransactionEventRequest) is { CostDetails.TotalCost.Total: { } total })
        {
            // Local cost calculation (I12): the station's own final cost of the transaction.
            if ((total.InclTax ?? total.ExclTax) is { } local)
            {
                Report(transactionId, local);
            }
        }

        if (e.Response is { } response && PaymentWire.Read(response, OcppJsonContext.Default.TransactionEventResponse) is { TotalCost: { } cost })
        {
            Report(transactionId, cost);
        }
    }
}
