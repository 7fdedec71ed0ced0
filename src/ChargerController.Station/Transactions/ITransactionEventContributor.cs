using ChargerController.Ocpp.Messages.Transactions;

namespace ChargerController.Station.Transactions;

/// <summary>
/// An optional seam for other blocks that add fields to every TransactionEvent before it is journaled and queued, e.g.
/// the tariff block's <c>transactionInfo.tariffId</c> and <c>costDetails</c> (I07.FR.32, I12.FR.01). Called on the
/// transaction manager's work loop, so one transaction's events are contributed to in seqNo order; keep it short and
/// never throw (an exception is logged and the event goes out without the contribution).
/// </summary>
public interface ITransactionEventContributor
{
    /// <summary>Adds the block's fields to an event about to be sent.</summary>
    /// <param name="evseId">The EVSE of the transaction.</param>
    /// <param name="request">The event; change it in place.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing once the fields are set.</returns>
    ValueTask ContributeAsync(int evseId, TransactionEventRequest request, CancellationToken cancellationToken);
}
