using ChargerController.Ocpp.Enums;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Transactions;

/// <content>B13 Reset ImmediateAndResume: transactions carried across the reboot.</content>
public sealed partial class TransactionManager
{
    /// <inheritdoc/>
    /// <remarks>Open transactions are journaled (E17), so they survive the reboot and are resumed by the E17 path.</remarks>
    public bool CanResumeAfterReset => true;

    /// <inheritdoc/>
    /// <remarks>
    /// B13.FR.04: <c>Updated</c>/<c>ResetCommand</c> for each transaction, journaled and queued before the reboot. The
    /// transactions stay open; the reboot that follows stops the energy transfer through the safe-state path every host
    /// stop takes (B13.FR.20), and after it <see cref="ResumeOpenTransactionsAsync"/> resumes them with <c>TxResumed</c>
    /// (B13.FR.23/30), charging again only when <c>AllowEnergyTransferResumption</c> is true (B13.FR.24/25).
    /// </remarks>
    public ValueTask SuspendAllForResetAsync(CancellationToken cancellationToken) =>
        new(PostAndWaitAsync("suspend for reset", async () =>
        {
            foreach (var state in _states.Values.Where(s => s.Tx is not null))
            {
                await UpdateAsync(state, TriggerReasonEnumType.ResetCommand).ConfigureAwait(false);
            }
        }, cancellationToken));

    /// <inheritdoc/>
    public ValueTask EndAsync(int evseId, string stoppedReason, CancellationToken cancellationToken)
    {
        var reason = Enum.TryParse<ReasonEnumType>(stoppedReason, ignoreCase: false, out var parsed) ? parsed : ReasonEnumType.Other;
        return new ValueTask(PostAndWaitAsync("end one", async () =>
        {
            // B12.FR.08: Ended, ResetCommand, for the one EVSE being reset.
            if (_states.TryGetValue(evseId, out var state) && state.Tx is not null)
            {
                await EndAsync(state, TriggerReasonEnumType.ResetCommand, reason).ConfigureAwait(false);
                _sessions.Stop(evseId, SessionEndReason.Reset);
            }
        }, cancellationToken));
    }
}
