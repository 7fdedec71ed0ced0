using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.MeterValues;
using ChargerController.Station.MeterValues;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Transactions;

/// <content>Commands of the CSMS (F01-F06) that need the work loop.</content>
public sealed partial class TransactionManager
{
    /// <summary>Gets whether the EVSE's running transaction (if any) is authorized.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>True when a session is authorized there.</returns>
    public bool IsAuthorized(int evseId) => _sessions.SessionOf(evseId) is not null;

    /// <summary>Remembers a RequestStartTransaction profile; it is installed when the transaction starts (F01.FR.08-11).</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="profile">The TxProfile.</param>
    /// <returns>A task.</returns>
    internal Task SetPendingProfileAsync(int evseId, ChargingProfileType profile) =>
        PostAndWaitAsync("pending profile", async () =>
        {
            var state = _states[evseId];
            if (state.Tx is { } tx && _profiles is not null)
            {
                await _profiles.InstallForTransactionAsync(evseId, tx.TransactionId, profile, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                state.PendingProfile = profile;
            }
        }, CancellationToken.None);

    /// <inheritdoc/>
    public ValueTask ReportOperationModeAsync(int evseId, string transactionId, string operationMode, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<OperationModeEnumType>(operationMode, ignoreCase: false, out var mode) || !_states.TryGetValue(evseId, out var state))
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(PostAndWaitAsync("operation mode", async () =>
        {
            // K01.FR.110: only for the transaction the mode belongs to (it may have ended meanwhile).
            if (state.Tx is { } tx && string.Equals(tx.TransactionId, transactionId, StringComparison.Ordinal))
            {
                await EmitAsync(state, TransactionEventEnumType.Updated, TriggerReasonEnumType.OperationModeChanged, null, request => request.TransactionInfo.OperationMode = mode).ConfigureAwait(false);
            }
        }, cancellationToken));
    }

    /// <summary>Stops a transaction (F03): through its session when authorized, else directly.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="reason">RemoteStop or UnlockCommand.</param>
    /// <returns>A task completing once the stop is queued.</returns>
    internal Task StopAsync(int evseId, SessionEndReason reason)
    {
        if (_sessions.Stop(evseId, reason))
        {
            return Task.CompletedTask;
        }

        var (trigger, stopped) = reason == SessionEndReason.UnlockCommand
            ? (TriggerReasonEnumType.UnlockCommand, ReasonEnumType.Other)
            : (TriggerReasonEnumType.RemoteStop, ReasonEnumType.Remote);
        return PostAndWaitAsync("stop", () => EndAsync(_states[evseId], trigger, stopped), CancellationToken.None);
    }

    /// <summary>Sends TransactionEvent Updated with triggerReason Trigger for running transactions (F06.FR.07).</summary>
    /// <param name="evseId">One EVSE, or all.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task.</returns>
    internal Task TriggerTransactionEventAsync(int? evseId, CancellationToken cancellationToken) =>
        PostAndWaitAsync("trigger", async () =>
        {
            foreach (var state in _states.Values.Where(s => s.Tx is not null && (evseId is null || s.EvseId == evseId)))
            {
                var reading = await ReadMeterAsync(state.EvseId).ConfigureAwait(false);
                var value = Sample(reading, "SampledDataCtrlr", "TxUpdatedMeasurands", ReadingContextEnumType.Trigger, _time.GetUtcNow(), state);
                state.ReportedChargingState = null;
                await UpdateAsync(state, TriggerReasonEnumType.Trigger, null, value is null ? null : [value]).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>Sends MeterValues with the AlignedDataCtrlr.Measurands for one EVSE or all (F06.FR.06).</summary>
    /// <param name="evseId">One EVSE, or all.</param>
    /// <param name="sender">The sender.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    internal async Task TriggerMeterValuesAsync(int? evseId, IStationMessageSender sender, CancellationToken cancellationToken)
    {
        foreach (var id in _evses.Keys.Order().Where(id => evseId is null || id == evseId))
        {
            MeterReading? reading = await ReadMeterAsync(id).ConfigureAwait(false);
            if (reading is null)
            {
                continue;
            }

            var measurands = MeasurandList.Parse(Text("AlignedDataCtrlr", "Measurands"));
            // J01.FR.21: a MeterValuesRequest of aligned measurands is signed as the clock-aligned ones are.
            if (SignIfConfigured(MeterValueBuilder.Build(reading, measurands, ReadingContextEnumType.Trigger, _time.GetUtcNow(), _states[id].OfferedCurrentA), reading, "AlignedDataCtrlr", "Measurands", ReadingContextEnumType.Trigger, id, null) is { } value)
            {
                await sender.CallRequestedAsync<MeterValuesRequest, MeterValuesResponse>(new MeterValuesRequest { EvseId = id, MeterValue = [value] }, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
