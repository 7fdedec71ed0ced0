using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Transactions;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Evse;

namespace ChargerController.Station.Transactions;

/// <content>E17: transactions that were open when the station stopped.</content>
public sealed partial class TransactionManager
{
    private async Task ResumeOpenTransactionsAsync()
    {
        foreach (var record in _journal.LoadOpen())
        {
            var current = record;
            if (current.PendingPayload is { } payload && current.PendingSeqNo > current.EnqueuedSeqNo)
            {
                // Journaled but maybe never queued (crash between the two writes): queue it again. If it was queued, the
                // CSMS sees the same message content twice, never a gap in seqNo.
                var pending = JsonSerializer.Deserialize(payload, OcppJsonContext.Default.TransactionEventRequest);
                if (pending is not null && await TryEnqueueAsync(pending, current).ConfigureAwait(false))
                {
                    TransactionLog.PendingRequeued(_logger, current.TransactionId, current.PendingSeqNo);
                    if (current.PendingIsEnded)
                    {
                        _journal.Remove(current.TransactionId);
                        continue;
                    }

                    current = current with { EnqueuedSeqNo = current.PendingSeqNo, PendingPayload = null };
                    _journal.Save(current);
                }
                else if (current.PendingIsEnded)
                {
                    continue;
                }
            }
            else if (current.PendingIsEnded)
            {
                _journal.Remove(current.TransactionId);
                continue;
            }

            if (!_states.TryGetValue(current.EvseId, out var state))
            {
                // The EVSE no longer exists (configuration changed): the transaction can only end.
                state = new EvseTransactionState(current.EvseId);
            }

            state.Tx = current;
            RestoreEndedValues(state, current);
            state.IdTokenSent = true;
            state.ReportedChargingState = Enum.TryParse<ChargingStateEnumType>(current.ChargingState, out var reported) ? reported : null;
            await ResumeOrEndAsync(state, current).ConfigureAwait(false);
        }
    }

    private async Task ResumeOrEndAsync(EvseTransactionState state, TransactionRecord record)
    {
        var model = _context?.DeviceModel;
        var timeout = model?.GetInt("TxCtrlr", "ResumptionTimeout", 0) ?? 0;
        var downtime = _time.GetUtcNow() - record.LastEventAt;
        var evConnected = _evses.TryGetValue(state.EvseId, out var evse) && evse.Snapshot.ConnectorStatus == ConnectorStatus.Occupied;
        if (timeout > 0 && downtime <= TimeSpan.FromSeconds(timeout) && evConnected && _states.ContainsKey(state.EvseId))
        {
            // E17.FR.11-14: same transactionId, Updated TxResumed; energy resumes only when AllowEnergyTransferResumption.
            TransactionLog.OpenAtStartup(_logger, state.EvseId, record.TransactionId, "resumed");
            state.EvConnected = true;
            _active[state.EvseId] = record.TransactionId;
            if (model?.GetBool("TxCtrlr", "AllowEnergyTransferResumption", false) == true && record.IdToken is { } idToken)
            {
                state.Session = _sessions.Resume(state.EvseId, new IdTokenType { IdToken = idToken, Type = record.IdTokenType ?? "Local" }, record.StartedAt);
            }
            else
            {
                // E17.FR.12: resumed without energy; the EVSE (just powered up, not authorized) offers nothing.
                state.ResumedWithoutEnergy = true;
                if (state.ChargingState is EvseChargingState.Charging or EvseChargingState.SuspendedEV)
                {
                    state.ChargingState = EvseChargingState.EVConnected;
                }
            }

            await UpdateAsync(state, TriggerReasonEnumType.TxResumed).ConfigureAwait(false);
            if (state.Tx?.LimitReached is not null || state.Tx?.InvalidIdExhausted == true)
            {
                // The limit or the rejection stopped the energy before the outage; resuming does not restart it.
                _evses[state.EvseId].Deauthorize();
            }

            StartTimers(state);
            ScheduleLimitWatch(state);

            // A time limit may have run out while the station was down (E16.FR.09/10).
            await CheckLimitsAsync(state).ConfigureAwait(false);
            TransactionStarted?.Invoke(this, state.EvseId);
            return;
        }

        // E17.FR.21/22: not resumable: Ended, AbnormalCondition, PowerLoss or Reboot, with the meter's register now.
        TransactionLog.OpenAtStartup(_logger, state.EvseId, record.TransactionId, "ended");
        _active[state.EvseId] = record.TransactionId;
        await EndAsync(state, TriggerReasonEnumType.AbnormalCondition, _options.RestartReason).ConfigureAwait(false);
        state.Latched = false;
    }
}
