using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Transactions;

namespace ChargerController.Station.Transactions;

/// <content>Optional contributors to TransactionEvents (tariff and cost, block I) and updates other blocks ask for.</content>
public sealed partial class TransactionManager
{
    private readonly List<ITransactionEventContributor> _contributors = [];

    /// <summary>Adds a block that adds fields to every TransactionEvent (<see cref="ITransactionEventContributor"/>).</summary>
    /// <param name="contributor">The contributor.</param>
    public void AddEventContributor(ITransactionEventContributor contributor)
    {
        ArgumentNullException.ThrowIfNull(contributor);
        lock (_contributors)
        {
            _contributors.Add(contributor);
        }
    }

    /// <summary>
    /// Sends a TransactionEvent Updated with the given triggerReason for a running transaction (I11.FR.07 TariffChanged,
    /// I12.FR.03 RunningCost); the contributors fill in the fields that belong to it. Nothing is sent when the transaction
    /// no longer runs on the EVSE.
    /// </summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="transactionId">The transaction.</param>
    /// <param name="trigger">The triggerReason.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when the event was queued.</returns>
    public async Task<bool> RequestUpdateAsync(int evseId, string transactionId, TriggerReasonEnumType trigger, CancellationToken cancellationToken)
    {
        if (!_states.TryGetValue(evseId, out var state))
        {
            return false;
        }

        var sent = false;
        await PostAndWaitAsync("update " + trigger, async () =>
        {
            if (state.Tx is { } tx && string.Equals(tx.TransactionId, transactionId, StringComparison.Ordinal))
            {
                await UpdateAsync(state, trigger).ConfigureAwait(false);
                sent = true;
            }
        }, cancellationToken).ConfigureAwait(false);
        return sent;
    }

    private async Task ContributeAsync(int evseId, TransactionEventRequest request)
    {
        ITransactionEventContributor[] contributors;
        lock (_contributors)
        {
            contributors = [.. _contributors];
        }

        foreach (var contributor in contributors)
        {
            try
            {
                await contributor.ContributeAsync(evseId, request, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                TransactionLog.WorkFailed(_logger, "event contributor", ex);
            }
        }
    }
}
