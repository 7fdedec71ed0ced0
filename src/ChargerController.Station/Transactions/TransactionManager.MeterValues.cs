using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.MeterValues;
using ChargerController.Ocpp.Queue;

namespace ChargerController.Station.Transactions;

/// <content>Sampled (SampledDataCtrlr, J02) and clock-aligned (AlignedDataCtrlr, J01) meter values.</content>
public sealed partial class TransactionManager
{
    private void StartTimers(EvseTransactionState state)
    {
        state.SampledTimer?.Dispose();
        state.SampledTimer = null;
        state.EndedSampleTimer?.Dispose();
        state.EndedSampleTimer = null;
        if (state.Tx is not { } tx || _context is null)
        {
            return;
        }

        var evseId = state.EvseId;
        var id = tx.TransactionId;
        var updated = _context.DeviceModel.GetInt("SampledDataCtrlr", "TxUpdatedInterval", 0);
        if (updated > 0)
        {
            var period = TimeSpan.FromSeconds(updated);
            state.SampledTimer = _time.CreateTimer(_ =>
            {
                // The sample's time is the tick's, however long the work loop takes to get to it.
                var at = _time.GetUtcNow();
                Post("periodic", () => SamplePeriodicAsync(evseId, id, at));
            }, null, period, period);
        }

        var ended = _context.DeviceModel.GetInt("SampledDataCtrlr", "TxEndedInterval", 0);
        if (ended > 0)
        {
            var period = TimeSpan.FromSeconds(ended);
            state.EndedSampleTimer = _time.CreateTimer(_ =>
            {
                var at = _time.GetUtcNow();
                Post("ended sample", () => SampleForEndedAsync(evseId, id, at));
            }, null, period, period);
        }
    }

    private async Task SamplePeriodicAsync(int evseId, string transactionId, DateTimeOffset at)
    {
        var state = _states[evseId];
        if (state.Tx?.TransactionId != transactionId)
        {
            return;
        }

        // J02.FR.10/11: TxUpdatedMeasurands every TxUpdatedInterval, context Sample.Periodic, trigger MeterValuePeriodic.
        var reading = await ReadMeterAsync(evseId).ConfigureAwait(false);
        var value = Sample(reading, "SampledDataCtrlr", "TxUpdatedMeasurands", ReadingContextEnumType.SamplePeriodic, at, state);
        if (value is not null && state.Tx?.TransactionId == transactionId)
        {
            await UpdateAsync(state, TriggerReasonEnumType.MeterValuePeriodic, null, [value]).ConfigureAwait(false);
        }
    }

    private async Task SampleForEndedAsync(int evseId, string transactionId, DateTimeOffset at)
    {
        var state = _states[evseId];
        if (state.Tx?.TransactionId != transactionId)
        {
            return;
        }

        var reading = await ReadMeterAsync(evseId).ConfigureAwait(false);
        if (Sample(reading, "SampledDataCtrlr", "TxEndedMeasurands", ReadingContextEnumType.SamplePeriodic, at, state) is { } value && state.Tx?.TransactionId == transactionId)
        {
            state.EndedValues.Add(value);
            RememberEndedValues(state, save: true);
        }
    }

    private void ScheduleClock()
    {
        _clockTimer?.Dispose();
        _clockTimer = null;
        var interval = _context?.DeviceModel.GetInt("AlignedDataCtrlr", "Interval", 0) ?? 0;
        if (interval <= 0)
        {
            return;
        }

        // J01.FR.01: aligned to midnight UTC, every Interval seconds.
        var now = _time.GetUtcNow();
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var period = TimeSpan.FromSeconds(interval);
        var elapsed = now - midnight;
        var next = midnight + (period * (Math.Floor(elapsed / period) + 1));
        _clockTimer = _time.CreateTimer(_ => OnClock(next), null, next - now, Timeout.InfiniteTimeSpan);
    }

    private void OnClock(DateTimeOffset boundary)
    {
        Post("clock", () => ClockAlignedAsync(boundary));
        ScheduleClock();
    }

    private async Task ClockAlignedAsync(DateTimeOffset boundary)
    {
        if (_context is null)
        {
            return;
        }

        var model = _context.DeviceModel;
        var sendDuringIdleOnly = model.GetBool("AlignedDataCtrlr", "SendDuringIdle", false);
        var txEndedInterval = model.GetInt("AlignedDataCtrlr", "TxEndedInterval", 0);
        var midnight = new DateTimeOffset(boundary.UtcDateTime.Date, TimeSpan.Zero);
        var endedBoundary = txEndedInterval > 0 && (long)(boundary - midnight).TotalSeconds % txEndedInterval == 0;
        foreach (var state in _states.Values.OrderBy(s => s.EvseId))
        {
            var reading = await ReadMeterAsync(state.EvseId).ConfigureAwait(false);
            if (reading is null)
            {
                continue;
            }

            var value = Sample(reading, "AlignedDataCtrlr", "Measurands", ReadingContextEnumType.SampleClock, boundary, state);
            if (state.Tx is not null)
            {
                if (endedBoundary && Sample(reading, "AlignedDataCtrlr", "TxEndedMeasurands", ReadingContextEnumType.SampleClock, boundary, state) is { } ended)
                {
                    state.EndedValues.Add(ended);
                    RememberEndedValues(state, save: true);
                }

                // J01.FR.19/20: SendDuringIdle true keeps aligned values out of transactions.
                if (!sendDuringIdleOnly && value is not null)
                {
                    await UpdateAsync(state, TriggerReasonEnumType.MeterValueClock, null, [value]).ConfigureAwait(false);
                }
            }
            else if (value is not null)
            {
                // J01.FR.14: idle EVSE: MeterValuesRequest.
                await EnqueueMeterValuesAsync(state.EvseId, value).ConfigureAwait(false);
            }
        }
    }

    private async Task EnqueueMeterValuesAsync(int evseId, MeterValueType value)
    {
        try
        {
            await _context!.Sender.EnqueueAsync(new MeterValuesRequest { EvseId = evseId, MeterValue = [value] }, QueuePolicy.Normal, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OutboundQueueFullException ex)
        {
            TransactionLog.WorkFailed(_logger, "MeterValues", ex);
        }
    }
}
