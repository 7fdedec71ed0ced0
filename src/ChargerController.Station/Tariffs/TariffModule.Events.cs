using System.Globalization;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Transactions;
using ChargerController.Station.Evse;

namespace ChargerController.Station.Tariffs;

/// <content>The local cost calculation along the transaction's events (I07.FR.32, I08.FR.22, I12).</content>
public sealed partial class TariffModule
{
    /// <inheritdoc/>
    public async ValueTask ContributeAsync(int evseId, TransactionEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_context is null || !Settings().LocalCost)
        {
            return;
        }

        var transactionId = request.TransactionInfo.TransactionId;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var tx = _running.GetOrAdd(transactionId, id => new TxCost(id, evseId));
            if (request.IdToken is { } token)
            {
                tx.IdToken ??= token.IdToken;
            }

            if (request.ReservationId is { } reservationId && tx.ReservationId is null)
            {
                // I12.FR.06: the transaction uses a reservation. The reservation block ends it right after this (Started)
                // event is built, so when it was made is read now.
                tx.ReservationId = reservationId;
                tx.ReservedAt = _reservations?.ReceivedAt(reservationId);
            }

            var sample = await SampleAsync(evseId).ConfigureAwait(false);
            if (tx.Accumulator is null && !tx.CentralCost && tx.IdToken is { } idToken)
            {
                Associate(tx, idToken, request.Timestamp, sample);
            }

            if (tx.Accumulator is { } acc)
            {
                acc.Advance(request.Timestamp, sample.RegisterWh, sample.Charging, sample.PowerW, sample.CurrentA);
                if (tx.TariffIdPending)
                {
                    request.TransactionInfo.TariffId = acc.Tariff.TariffId;
                    tx.TariffIdPending = false;
                }

                var ended = request.EventType == TransactionEventEnumType.Ended;
                if (ended)
                {
                    // I12.FR.01: the breakdown with its charging periods goes in the Ended event.
                    request.CostDetails = acc.Build(includePeriods: true);
                }
                else if (Settings().RunningCostEnabled
                    && (request.EventType == TransactionEventEnumType.Started || request.TriggerReason == TriggerReasonEnumType.RunningCost))
                {
                    // I12.FR.02 (errata 2.14): running cost without periods in Started and every Interval[Cost].
                    request.CostDetails = acc.Build(includePeriods: false);
                    tx.LastRunningCost = request.Timestamp;
                }

                if (acc.FailureReason is { } failure && !tx.ProblemReported)
                {
                    // I12.FR.14/18/19: report the cost could not be calculated.
                    tx.ProblemReported = true;
                    await ReportProblemAsync(true, "InternalError", failure, transactionId).ConfigureAwait(false);
                }
            }

            if (request.EventType == TransactionEventEnumType.Ended)
            {
                Finish(tx, request.Offline == true);
                Changed(tx, final: true);
            }
            else
            {
                if (tx.Accumulator is not null || tx.CentralCost)
                {
                    Persist(tx);
                }

                ShowRunning(tx);
                if (tx.Accumulator is not null)
                {
                    Changed(tx, final: false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Associate(TxCost tx, string idToken, DateTimeOffset now, EvseSample sample)
    {
        if (_drivers.TryGetValue(idToken, out var driver) && driver.Tariff is null)
        {
            // I08.FR.33: HandleFailedTariff=CentralCost: no local calculation for this transaction.
            tx.CentralCost = true;
            return;
        }

        // I08.FR.04: the driver's tariff; I07.FR.14: else the EVSE's default tariff.
        var tariff = driver?.Tariff ?? _book.Current(tx.EvseId, now);
        if (tariff is null)
        {
            return;
        }

        tx.Kind = driver?.Tariff is not null ? TariffKindEnumType.DriverTariff : TariffKindEnumType.DefaultTariff;
        tx.Accumulator = new CostAccumulator(tariff, now, sample.RegisterWh, _zone);
        if (tx.ReservationId is not null)
        {
            // I12.FR.06: reservation costs are evaluated once, at the start of the transaction.
            tx.Accumulator.ApplyReservation(tx.ReservedAt);
        }

        tx.TariffIdPending = true;
        var kind = tx.Kind.ToString();
        TariffLog.TariffAssociated(_logger, tx.TransactionId, tariff.TariffId, kind);
    }

    private void Finish(TxCost tx, bool offline)
    {
        _running.TryRemove(tx.TransactionId, out _);
        try
        {
            _store.RemoveTransaction(tx.TransactionId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TariffLog.Failed(_logger, "removing transaction tariff", ex);
        }

        // I08.FR.06: the driver tariff goes once no other transaction uses it.
        if (tx.IdToken is { } token && !_running.Values.Any(t => string.Equals(t.IdToken, token, StringComparison.Ordinal)))
        {
            _drivers.TryRemove(token, out _);
        }

        var cost = Cost(tx, final: true);
        Remember(cost);
        if (cost is { Local: true })
        {
            TariffLog.FinalCost(_logger, tx.TransactionId, cost.Total, cost.Currency);
            Display.Show(Format("Total cost", cost.Total, cost.Currency), tx.TransactionId);
        }
        else if (offline && TariffSettings.Text(Model, "TotalCostFallbackMessage") is { } fallback)
        {
            // I05.FR.02: offline at the end, the CSMS's total will come too late for the driver.
            Display.Show(fallback, tx.TransactionId);
        }
    }

    private void ShowRunning(TxCost tx)
    {
        if (Cost(tx, final: false) is { } cost)
        {
            Display.Show(Format("Cost so far", cost.Total, cost.Currency), tx.TransactionId);
        }
    }

    private static string Format(string label, decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}: {TaxMath.Display(amount):0.00} {currency}");

    private async Task<EvseSample> SampleAsync(int evseId)
    {
        var charging = _evses.TryGetValue(evseId, out var evse) && evse.Snapshot.ChargingState == EvseChargingState.Charging;
        if (!_meters.TryGetValue(evseId, out var meter))
        {
            return new EvseSample(null, charging, null, null);
        }

        try
        {
            using var timeout = new CancellationTokenSource(_options.MeterReadTimeout, _time);
            var reading = await meter.ReadAsync(timeout.Token).ConfigureAwait(false);
            var current = reading.CurrentA.Count > 0 ? (decimal?)(decimal)reading.CurrentA.Max() : null;
            return new EvseSample(reading.EnergyImportWh, charging, (decimal)reading.TotalPowerW, current);
        }
        catch (Exception ex) when (ex is MeterReadException or OperationCanceledException)
        {
            return new EvseSample(null, charging, null, null);
        }
    }

    private void OnTick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await TickAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                TariffLog.Failed(_logger, "cost tick", ex);
            }
            finally
            {
                Volatile.Write(ref _ticking, 0);
            }
        });
    }

    private async Task TickAsync()
    {
        if (_context is null)
        {
            return;
        }

        var settings = Settings();
        var now = _time.GetUtcNow();
        ExpireDriverTariffs(now);
        if (!settings.LocalCost)
        {
            return;
        }

        var due = new List<TxCost>();
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var tx in _running.Values)
            {
                if (tx.Accumulator is not { } acc)
                {
                    continue;
                }

                if (now - acc.LastAt >= settings.TariffInterval)
                {
                    // I12.FR.31/32: current, power and energy are looked at every Interval[Tariff] (0: every tick).
                    var sample = await SampleAsync(tx.EvseId).ConfigureAwait(false);
                    acc.Advance(now, sample.RegisterWh, sample.Charging, sample.PowerW, sample.CurrentA);
                    Persist(tx);
                    ShowRunning(tx);
                    Changed(tx, final: false);
                }

                if (settings.RunningCostEnabled && settings.CostInterval > TimeSpan.Zero && now - tx.LastRunningCost >= settings.CostInterval)
                {
                    tx.LastRunningCost = now;
                    due.Add(tx);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        foreach (var tx in due)
        {
            // I12.FR.03: an event only for the running cost has triggerReason RunningCost.
            await (TransactionBlock?.RequestUpdateAsync(tx.EvseId, tx.TransactionId, TriggerReasonEnumType.RunningCost, CancellationToken.None) ?? Task.FromResult(false)).ConfigureAwait(false);
        }
    }

    private void ExpireDriverTariffs(DateTimeOffset now)
    {
        // I08.FR.07: a driver tariff is in use until EVConnectionTimeOut passes without a transaction.
        var timeout = TimeSpan.FromSeconds(Math.Max(1, Model.GetInt("TxCtrlr", "EVConnectionTimeOut", 120)));
        foreach (var driver in _drivers.Values)
        {
            if (now - driver.ReceivedAt > timeout && !_running.Values.Any(t => string.Equals(t.IdToken, driver.IdToken, StringComparison.Ordinal)))
            {
                _drivers.TryRemove(driver.IdToken, out _);
            }
        }
    }

    private sealed record EvseSample(double? RegisterWh, bool Charging, decimal? PowerW, decimal? CurrentA);
}
