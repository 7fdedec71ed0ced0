using System.Globalization;
using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.MeterValues;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Transactions;

/// <content>
/// E16 transaction limits (maxEnergy, maxTime, maxCost with the CSMS's running cost) and MaxEnergyOnInvalidId (E05.FR.02/03).
/// Every limit lives in the journaled <see cref="TransactionRecord"/>, so a transaction that survives a power loss keeps them.
/// </content>
public sealed partial class TransactionManager
{
    /// <summary>The limits this station enforces (TxCtrlr.SupportedLimits, E16.FR.12). maxSoC needs the EV's state of charge (ISO 15118).</summary>
    public const string SupportedLimits = "maxEnergy,maxTime,maxCost";

    /// <summary>
    /// Sets a limit of a running transaction from the station side (C23.FR.02: maxCost raised after the payment terminal
    /// increased its authorization): merged with the current limits, confirmed with TransactionEvent Updated
    /// <c>LimitSet</c> when it changes, and a reached limit whose value was raised resumes the energy (E16.FR.14).
    /// </summary>
    /// <param name="transactionId">The transaction; an unknown or ended one is ignored.</param>
    /// <param name="limit">The new limit values (null members keep the current ones).</param>
    /// <param name="cancellationToken">Cancels the wait (not the change).</param>
    /// <returns>A task completing once the event is queued.</returns>
    public Task SetStationLimitAsync(string transactionId, TransactionLimitType limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        ArgumentNullException.ThrowIfNull(limit);
        return PostAndWaitAsync("station limit", () => ApplyLimitAsync(transactionId, limit, null, fromCsms: false), cancellationToken);
    }

    private Task ApplyCsmsLimitAsync(string transactionId, TransactionLimitType? limit, decimal? totalCost) =>
        ApplyLimitAsync(transactionId, limit, totalCost, fromCsms: true);

    private async Task ApplyLimitAsync(string transactionId, TransactionLimitType? limit, decimal? totalCost, bool fromCsms)
    {
        var state = _states.Values.FirstOrDefault(s => s.Tx?.TransactionId == transactionId);
        if (state?.Tx is not { } tx)
        {
            return;
        }

        // E16.FR.15: with central cost calculation the CSMS's totalCost is the running cost the cost limit is held against.
        var updated = totalCost is { } cost ? tx with { RunningCost = cost } : tx;

        // E16.FR.13: only the supported limits are taken and echoed; a maxSoC alone is ignored.
        TransactionLimitType? supported = limit is { MaxEnergy: not null } or { MaxTime: not null } or { MaxCost: not null }
            ? new TransactionLimitType { MaxEnergy = limit.MaxEnergy, MaxTime = limit.MaxTime, MaxCost = limit.MaxCost }
            : null;
        if (supported is not null && fromCsms)
        {
            // E16.FR.07: the CSMS has the last word, also over a stricter limit of the station's; what it sets is the
            // ceiling for any limit the station sets later (E16.FR.04).
            updated = updated with
            {
                CsmsMaxEnergyWh = supported.MaxEnergy is { } ceilingWh ? (double)ceilingWh : updated.CsmsMaxEnergyWh,
                CsmsMaxTimeS = supported.MaxTime ?? updated.CsmsMaxTimeS,
                CsmsMaxCost = supported.MaxCost ?? updated.CsmsMaxCost,
            };
        }
        else if (supported is not null)
        {
            // E16.FR.04: the station (driver, payment terminal) never goes above a limit the CSMS set.
            supported = WithinCsmsLimits(supported, updated);
        }

        if (supported is not null)
        {
            updated = updated with
            {
                LimitMaxEnergyWh = supported.MaxEnergy is { } energy ? (double)energy : updated.LimitMaxEnergyWh,
                LimitMaxTimeS = supported.MaxTime ?? updated.LimitMaxTimeS,
                LimitMaxCost = supported.MaxCost ?? updated.LimitMaxCost,
            };
        }

        var limitChanged = updated.LimitMaxEnergyWh != tx.LimitMaxEnergyWh || updated.LimitMaxTimeS != tx.LimitMaxTimeS || updated.LimitMaxCost != tx.LimitMaxCost;
        state.Tx = updated;
        if (limitChanged)
        {
            // E16.FR.03: confirm the limit once, triggerReason LimitSet (the event journals the new limits with it).
            await EmitAsync(state, TransactionEventEnumType.Updated, TriggerReasonEnumType.LimitSet, null, request => request.TransactionInfo.TransactionLimit = supported).ConfigureAwait(false);
        }
        else if (updated != tx)
        {
            _journal.Save(updated);
        }

        // E16.FR.10: a limit already exceeded acts at once.
        await CheckLimitsAsync(state).ConfigureAwait(false);
        ScheduleLimitWatch(state);
    }

    private async Task StartInvalidIdAllowanceAsync(EvseTransactionState state)
    {
        var allowance = _context?.DeviceModel.GetInt("TxCtrlr", "MaxEnergyOnInvalidId", 0) ?? 0;
        if (state.Tx is not { } tx || tx.InvalidIdExhausted)
        {
            return;
        }

        if (tx.InvalidIdSinceWh is not null)
        {
            // A later answer repeats the rejection: the allowance counts from the first one.
            return;
        }

        var reading = allowance > 0 ? await ReadMeterAsync(state.EvseId).ConfigureAwait(false) : null;
        if (reading is null)
        {
            // E05.FR.02: no allowance (or no meter to measure it): the energy stops at once.
            state.Tx = tx with { InvalidIdExhausted = true };
            _journal.Save(state.Tx);
            _evses[state.EvseId].Deauthorize();
            return;
        }

        // E05.FR.03: energy stays allowed until MaxEnergyOnInvalidId more Wh have been delivered.
        state.Tx = tx with { InvalidIdSinceWh = reading.EnergyImportWh };
        _journal.Save(state.Tx);
        ScheduleLimitWatch(state);
    }

    private async Task CheckLimitsAsync(EvseTransactionState state)
    {
        if (state.Tx is not { } tx)
        {
            return;
        }

        var allowanceRunning = tx.InvalidIdSinceWh is not null && !tx.InvalidIdExhausted;
        var needsMeter = tx.LimitMaxEnergyWh is not null || allowanceRunning;
        var reading = needsMeter ? await ReadMeterAsync(state.EvseId).ConfigureAwait(false) : null;
        if (needsMeter && reading is null)
        {
            // No reading, no judgement: neither stop nor resume on a guess.
            return;
        }

        var reached = Reached(tx, reading?.EnergyImportWh);
        if (reached is { } trigger)
        {
            if (tx.LimitReached is null)
            {
                await OnLimitReachedAsync(state, trigger).ConfigureAwait(false);
            }
        }
        else if (tx.LimitReached is not null)
        {
            // E16.FR.14: the limit was raised past the actual value: energy resumes (unless the token was rejected meanwhile).
            state.Tx = tx with { LimitReached = null };
            _journal.Save(state.Tx);
            if (state.Session is not null && !state.Tx.InvalidIdExhausted)
            {
                _evses[state.EvseId].Authorize();

                // Raised before the EVSE even stopped: it never reports a change, so the station says where it is.
                state.ChargingState = _evses[state.EvseId].Snapshot.ChargingState;
                if (ToOcpp(state.ChargingState, state) != state.ReportedChargingState)
                {
                    await UpdateAsync(state, TriggerReasonEnumType.ChargingStateChanged).ConfigureAwait(false);
                }
            }
        }

        if (state.Tx is { InvalidIdSinceWh: { } since, InvalidIdExhausted: false } current && reading is not null
            && reading.EnergyImportWh - since >= (_context?.DeviceModel.GetInt("TxCtrlr", "MaxEnergyOnInvalidId", 0) ?? 0))
        {
            // E05.FR.02: the allowance is used up; the EVSE reports SuspendedEVSE (ChargingStateChanged) on its own.
            state.Tx = current with { InvalidIdExhausted = true };
            _journal.Save(state.Tx);
            _evses[state.EvseId].Deauthorize();
        }
    }

    private TriggerReasonEnumType? Reached(TransactionRecord tx, double? registerWh)
    {
        if (tx.LimitMaxEnergyWh is { } maxEnergy && registerWh is { } register && register - (tx.MeterStartWh ?? register) >= maxEnergy)
        {
            return TriggerReasonEnumType.EnergyLimitReached;
        }

        // E16.FR.09: the time limit runs from the Started event.
        if (tx.LimitMaxTimeS is { } maxTime && _time.GetUtcNow() - tx.StartedAt >= TimeSpan.FromSeconds(maxTime))
        {
            return TriggerReasonEnumType.TimeLimitReached;
        }

        return tx.LimitMaxCost is { } maxCost && RunningCostOf(tx) is { } cost && cost >= maxCost ? TriggerReasonEnumType.CostLimitReached : null;
    }

    /// <summary>
    /// The cost a cost limit is held against: the station's own calculation when it calculates the cost of this transaction
    /// (a tariff is in use, E16.FR.16: the CSMS's figures are ignored then), else the latest the CSMS reported, in a
    /// TransactionEventResponse or CostUpdated (E16.FR.15).
    /// </summary>
    private decimal? RunningCostOf(TransactionRecord tx)
    {
        Tariffs.TransactionCost? known;
        try
        {
            known = _costs?.Invoke()?.CostOf(tx.TransactionId);
        }
        catch (InvalidOperationException)
        {
            // The calculation is being advanced right now: judge on the next check.
            return null;
        }

        if (known is { Local: true })
        {
            return known.Total;
        }

        // Cost only grows: the higher of the two CSMS figures is the later one, whichever message came last.
        return known is null ? tx.RunningCost : tx.RunningCost is { } fromEvents ? Math.Max(fromEvents, known.Total) : known.Total;
    }

    /// <summary>
    /// The limits the station itself sets for a transaction when the driver is authorized (E16.FR.01): those that came with
    /// the authorization (payment terminal amount C18.FR.06, the driver's input C25) and the configured defaults
    /// <c>TxCtrlr.DefaultMaxEnergy</c> / <c>DefaultMaxTime</c> / <c>DefaultMaxCost</c>; the stricter of the two per kind,
    /// never above a limit the CSMS already set (E16.FR.04). maxSoC is not supported and dropped.
    /// </summary>
    private TransactionLimitType? StationLimit(TransactionLimitType? own, TransactionRecord tx)
    {
        var model = _context?.DeviceModel;
        var energy = Stricter(own?.MaxEnergy, PositiveDecimal(model, "DefaultMaxEnergy"));
        var time = Stricter(own?.MaxTime, PositiveDecimal(model, "DefaultMaxTime") is { } seconds ? (int)Math.Min(seconds, int.MaxValue) : null);
        var cost = Stricter(own?.MaxCost, PositiveDecimal(model, "DefaultMaxCost"));
        return energy is null && time is null && cost is null
            ? null
            : WithinCsmsLimits(new TransactionLimitType { MaxEnergy = energy, MaxTime = time, MaxCost = cost }, tx);
    }

    private static TransactionLimitType WithinCsmsLimits(TransactionLimitType limit, TransactionRecord tx) => new()
    {
        MaxEnergy = limit.MaxEnergy is { } energy && tx.CsmsMaxEnergyWh is { } ceilingWh ? Math.Min(energy, (decimal)ceilingWh) : limit.MaxEnergy,
        MaxTime = limit.MaxTime is { } time && tx.CsmsMaxTimeS is { } ceilingS ? Math.Min(time, ceilingS) : limit.MaxTime,
        MaxCost = limit.MaxCost is { } cost && tx.CsmsMaxCost is { } ceilingCost ? Math.Min(cost, ceilingCost) : limit.MaxCost,
    };

    private static T? Stricter<T>(T? a, T? b)
        where T : struct, IComparable<T> =>
        a is { } x && b is { } y ? (x.CompareTo(y) <= 0 ? x : y) : a ?? b;

    private static decimal? PositiveDecimal(StationDeviceModel? model, string variable) =>
        model?.GetValue(VariableKey.Of("TxCtrlr", variable)) is { } text
        && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private async Task OnLimitReachedAsync(EvseTransactionState state, TriggerReasonEnumType trigger)
    {
        var triggerName = trigger.ToString();
        TransactionLog.LimitReached(_logger, state.EvseId, state.Tx!.TransactionId, triggerName);
        _evses[state.EvseId].Deauthorize();
        if (StopPoints.HasFlag(TxPoint.EnergyTransfer))
        {
            // E16.FR.06: the end of the energy ends the transaction, with the limit as the reason.
            var reason = trigger switch
            {
                TriggerReasonEnumType.EnergyLimitReached => ReasonEnumType.EnergyLimitReached,
                TriggerReasonEnumType.TimeLimitReached => ReasonEnumType.TimeLimitReached,
                _ => ReasonEnumType.Other,
            };
            var session = state.Session;
            await EndAsync(state, trigger, reason).ConfigureAwait(false);
            if (session is not null)
            {
                _sessions.Stop(state.EvseId, SessionEndReason.Other);
            }

            return;
        }

        // E16.FR.05: suspend and say why in the same event (SuspendedEVSE alone could be smart charging).
        state.Tx = state.Tx with { LimitReached = triggerName };
        if (state.EvConnected)
        {
            state.ChargingState = EvseChargingState.SuspendedEVSE;
        }

        await UpdateAsync(state, trigger).ConfigureAwait(false);
    }

    private void ScheduleLimitWatch(EvseTransactionState state)
    {
        state.LimitTimer?.Dispose();
        state.LimitTimer = null;
        if (state.Tx is not { } tx
            || (tx.LimitMaxEnergyWh is null && tx.LimitMaxTimeS is null && tx.LimitMaxCost is null && (tx.InvalidIdSinceWh is null || tx.InvalidIdExhausted)))
        {
            return;
        }

        var evseId = state.EvseId;
        var id = tx.TransactionId;
        var period = _options.LimitCheckInterval;
        state.LimitTimer = _time.CreateTimer(_ => Post("limit check", () => CheckLimitsOfAsync(evseId, id)), null, period, period);
    }

    private Task CheckLimitsOfAsync(int evseId, string transactionId) =>
        _states.TryGetValue(evseId, out var state) && state.Tx?.TransactionId == transactionId ? CheckLimitsAsync(state) : Task.CompletedTask;

    /// <summary>Journals the TxEnded values collected so far, so the Ended event after a power loss still carries them.</summary>
    private void RememberEndedValues(EvseTransactionState state, bool save)
    {
        if (state.Tx is not { } tx)
        {
            return;
        }

        var holder = new MeterValuesRequest { EvseId = state.EvseId, MeterValue = [.. state.EndedValues] };
        state.Tx = tx with { EndedValuesJson = state.EndedValues.Count == 0 ? null : JsonSerializer.Serialize(holder, OcppJsonContext.Default.MeterValuesRequest) };
        if (save)
        {
            _journal.Save(state.Tx);
        }
    }

    private static void RestoreEndedValues(EvseTransactionState state, TransactionRecord record)
    {
        state.EndedValues.Clear();
        if (record.EndedValuesJson is not { } json)
        {
            return;
        }

        try
        {
            if (JsonSerializer.Deserialize(json, OcppJsonContext.Default.MeterValuesRequest)?.MeterValue is { } values)
            {
                state.EndedValues.AddRange(values);
            }
        }
        catch (JsonException)
        {
            // A damaged row loses the samples, never the transaction.
        }
    }
}
