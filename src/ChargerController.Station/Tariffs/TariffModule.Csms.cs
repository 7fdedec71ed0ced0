using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Messages.TariffAndCost;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Tariffs;

/// <content>What the CSMS asks (I07, I09-I11, I02) and reports (totalCost, updatedPersonalMessage), and driver tariffs (I08).</content>
public sealed partial class TariffModule
{
    /// <summary>SetDefaultTariff (I07.FR.02-12).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    internal SetDefaultTariffResponse SetDefault(SetDefaultTariffRequest request)
    {
        var settings = Settings();
        TariffSetStatusEnumType status;
        string? reason;
        string? reasonCode = null;
        var check = TariffValidator.Check(request.Tariff, settings.MaxElements, settings.ConditionsSupported, out reason);
        if (check != TariffCheck.Ok)
        {
            (status, reasonCode) = check switch
            {
                TariffCheck.TooManyElements => (TariffSetStatusEnumType.TooManyElements, null),
                TariffCheck.ConditionNotSupported => (TariffSetStatusEnumType.ConditionNotSupported, null),
                _ => (TariffSetStatusEnumType.Rejected, "InvalidValue"),
            };
        }
        else if (request.EvseId != 0 && !_evses.ContainsKey(request.EvseId))
        {
            (status, reasonCode, reason) = (TariffSetStatusEnumType.Rejected, "UnknownEVSE", $"no EVSE {request.EvseId}");
        }
        else if (_book.Contains(request.Tariff.TariffId) || InUse(request.Tariff.TariffId))
        {
            (status, reasonCode, reason) = (TariffSetStatusEnumType.DuplicateTariffId, null, "tariffId already present");
        }
        else
        {
            // I07.FR.12: evseId 0 installs on every EVSE.
            int[] evses = request.EvseId == 0 ? [.. _evses.Keys.Order()] : [request.EvseId];
            _book.Install(evses, request.Tariff, _time.GetUtcNow());
            status = TariffSetStatusEnumType.Accepted;
            if (Describe(request.Tariff) is { } text && _book.Current(evses[0], _time.GetUtcNow())?.TariffId == request.Tariff.TariffId)
            {
                // I07 scenario step 3: the tariff's description on the display.
                Display.Show(text);
            }
        }

        var tariffId = request.Tariff?.TariffId ?? "?";
        var evseText = request.EvseId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var statusText = status.ToString();
        TariffLog.DefaultTariffSet(_logger, tariffId, evseText, statusText);
        return new SetDefaultTariffResponse { Status = status, StatusInfo = Info(reasonCode ?? (status == TariffSetStatusEnumType.Accepted ? null : status.ToString()), reason) };
    }

    /// <summary>GetTariffs (I09.FR.01-07).</summary>
    /// <param name="evseId">0 for all EVSEs.</param>
    /// <returns>The answer.</returns>
    internal GetTariffsResponse GetTariffs(int evseId)
    {
        var assignments = new List<TariffAssignmentType>();
        foreach (var group in _book.All(_time.GetUtcNow()).Where(t => evseId == 0 || t.EvseId == evseId).GroupBy(t => t.Tariff.TariffId, StringComparer.Ordinal))
        {
            assignments.Add(new TariffAssignmentType
            {
                TariffId = group.Key,
                TariffKind = TariffKindEnumType.DefaultTariff,
                ValidFrom = group.First().Tariff.ValidFrom,
                EvseIds = [.. group.Select(t => t.EvseId).Distinct().Order()],
            });
        }

        var drivers = new Dictionary<string, (HashSet<int> Evses, HashSet<string> Tokens)>(StringComparer.Ordinal);
        foreach (var tx in _running.Values.Where(t => t.Kind == TariffKindEnumType.DriverTariff && t.Accumulator is not null))
        {
            var entry = Entry(drivers, tx.Accumulator!.Tariff.TariffId);
            entry.Evses.Add(tx.EvseId);
            if (tx.IdToken is { } token)
            {
                entry.Tokens.Add(token);
            }
        }

        foreach (var driver in _drivers.Values.Where(d => d.Tariff is not null))
        {
            Entry(drivers, driver.Tariff!.TariffId).Tokens.Add(driver.IdToken);
        }

        foreach (var (id, (evses, tokens)) in drivers)
        {
            // I09.FR.05/06: per EVSE where it is used; a driver tariff not yet used on an EVSE shows with its tokens only.
            if (evseId != 0 && !evses.Contains(evseId))
            {
                continue;
            }

            assignments.Add(new TariffAssignmentType
            {
                TariffId = id,
                TariffKind = TariffKindEnumType.DriverTariff,
                EvseIds = evses.Count > 0 ? [.. evses.Order()] : null,
                IdTokens = tokens.Count > 0 ? [.. tokens.Order(StringComparer.Ordinal)] : null,
            });
        }

        return assignments.Count == 0
            ? new GetTariffsResponse { Status = TariffGetStatusEnumType.NoTariff }
            : new GetTariffsResponse { Status = TariffGetStatusEnumType.Accepted, TariffAssignments = [.. assignments] };
    }

    /// <summary>ClearTariffs (I10.FR.01-07): default tariffs only; running transactions keep theirs (own copy).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    internal ClearTariffsResponse Clear(ClearTariffsRequest request)
    {
        var cleared = _book.Clear(request.TariffIds, request.EvseId);
        return cleared.Count == 0
            ? new ClearTariffsResponse { ClearTariffsResult = [new ClearTariffsResultType { Status = TariffClearStatusEnumType.NoTariff }] }
            : new ClearTariffsResponse { ClearTariffsResult = [.. cleared.Select(id => new ClearTariffsResultType { TariffId = id, Status = TariffClearStatusEnumType.Accepted })] };
    }

    /// <summary>ChangeTransactionTariff (I11.FR.02-08): checks and, when accepted, applies the tariff from now on.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer and, when accepted, the EVSE to send TariffChanged for.</returns>
    internal async Task<(ChangeTransactionTariffResponse Response, int? EvseId)> ChangeAsync(ChangeTransactionTariffRequest request)
    {
        var settings = Settings();
        var check = TariffValidator.Check(request.Tariff, settings.MaxElements, settings.ConditionsSupported, out var reason);
        if (check != TariffCheck.Ok)
        {
            var status = check switch
            {
                TariffCheck.TooManyElements => TariffChangeStatusEnumType.TooManyElements,
                TariffCheck.ConditionNotSupported => TariffChangeStatusEnumType.ConditionNotSupported,
                _ => TariffChangeStatusEnumType.Rejected,
            };
            return (Change(status, status == TariffChangeStatusEnumType.Rejected ? "InvalidValue" : status.ToString(), reason), null);
        }

        if (TransactionBlock?.EvseOf(request.TransactionId) is not { } evseId)
        {
            return (Change(TariffChangeStatusEnumType.TxNotFound, "TxNotFound", "no such transaction runs"), null);
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var tx = _running.GetOrAdd(request.TransactionId, id => new TxCost(id, evseId));
            if (tx.Accumulator is { } acc && !string.Equals(acc.Tariff.Currency, request.Tariff.Currency, StringComparison.Ordinal))
            {
                return (Change(TariffChangeStatusEnumType.NoCurrencyChange, "NoCurrencyChange", $"the transaction is in {acc.Tariff.Currency}"), null);
            }

            var now = _time.GetUtcNow();
            var sample = await SampleAsync(evseId).ConfigureAwait(false);
            if (tx.Accumulator is { } running)
            {
                // I11.FR.08: what was charged so far stays at the old prices.
                running.Advance(now, sample.RegisterWh, sample.Charging, sample.PowerW, sample.CurrentA);
                running.ChangeTariff(request.Tariff);
            }
            else
            {
                tx.Accumulator = new CostAccumulator(request.Tariff, now, sample.RegisterWh, _zone);
                tx.Accumulator.Advance(now, sample.RegisterWh, sample.Charging, sample.PowerW, sample.CurrentA);
            }

            tx.CentralCost = false;
            tx.Kind = TariffKindEnumType.DriverTariff;
            tx.TariffIdPending = true;
            Persist(tx);
            TariffLog.TariffChanged(_logger, tx.TransactionId, request.Tariff.TariffId);
            return (new ChangeTransactionTariffResponse { Status = TariffChangeStatusEnumType.Accepted }, evseId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>I11.FR.07: the TransactionEvent TariffChanged after the answer.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="transactionId">The transaction.</param>
    /// <returns>A task.</returns>
    internal Task SendTariffChangedAsync(int evseId, string transactionId) =>
        TransactionBlock?.RequestUpdateAsync(evseId, transactionId, TriggerReasonEnumType.TariffChanged, CancellationToken.None) ?? Task.CompletedTask;

    /// <summary>CostUpdated (I02.FR.02/03): the CSMS's running cost.</summary>
    /// <param name="request">The request.</param>
    internal void CostUpdated(CostUpdatedRequest request)
    {
        var evse = TransactionBlock?.EvseOf(request.TransactionId);
        if (evse is null && !_running.ContainsKey(request.TransactionId))
        {
            return;
        }

        var tx = _running.GetOrAdd(request.TransactionId, id => new TxCost(id, evse ?? 0));
        tx.CsmsCost = request.TotalCost;
        Display.Show(Format("Cost so far", request.TotalCost, Currency), request.TransactionId);

        // C23/E16: the payment block and the transaction block hear of the CSMS's running cost too. With a local
        // calculation the station's own cost stays the one they use (and it is only read under the block's gate).
        if (tx.Accumulator is null)
        {
            Changed(tx, final: false);
        }
    }

    /// <summary>
    /// Takes the driver-specific tariff of an accepted AuthorizeResponse (I08.FR.04/30-36).
    /// </summary>
    /// <param name="idToken">The token.</param>
    /// <param name="tariff">The tariff.</param>
    /// <returns>False when the tariff cannot be used and HandleFailedTariff=Deauthorize (I08.FR.37 in the errata numbering).</returns>
    internal async Task<bool> TakeDriverTariffAsync(string idToken, TariffType tariff)
    {
        var settings = Settings();
        var now = _time.GetUtcNow();
        var check = TariffValidator.Check(tariff, settings.MaxElements, settings.ConditionsSupported, out var reason);
        if (check == TariffCheck.Ok)
        {
            // I08.FR.10: validFrom of a driver tariff is ignored.
            _drivers[idToken] = new DriverTariff(idToken, tariff with { ValidFrom = null }, now);
            TrimDrivers();
            if (Model.GetValue(VariableKey.Of(TariffSettings.Ctrlr, "Problem")) == "true")
            {
                // I08.FR.35/36: a tariff was processed again.
                await ReportProblemAsync(false, null, null, null).ConfigureAwait(false);
            }

            if (Describe(tariff) is { } text)
            {
                Display.Show(text);
            }

            return true;
        }

        TariffLog.TariffRefused(_logger, tariff.TariffId, reason);
        var techCode = check switch
        {
            TariffCheck.TooManyElements => "TooManyElements",
            TariffCheck.ConditionNotSupported => "UnsupportedParam",
            _ => "InvalidValue",
        };

        // I08.FR.30/31: the Problem indicator and the hard-wired notification.
        await ReportProblemAsync(true, techCode, reason, null).ConfigureAwait(false);
        switch (settings.HandleFailedTariff)
        {
            case "Deauthorize":
                return false;
            case "CentralCost":
                _drivers[idToken] = new DriverTariff(idToken, null, now);
                TrimDrivers();
                return true;
            default:
                // I08.FR.32 UseDefault: as if no tariff had come.
                _drivers.TryRemove(idToken, out _);
                return true;
        }
    }

    /// <summary>Shows the fallback tariff text when no driver-specific tariff is known (I04.FR.01).</summary>
    /// <param name="offline">Whether the authorization was decided without the CSMS.</param>
    internal void ShowTariffFallback(bool offline)
    {
        var text = (offline ? TariffSettings.Text(Model, "OfflineTariffFallbackMessage") : null) ?? TariffSettings.Text(Model, "TariffFallbackMessage");
        if (text is not null)
        {
            Display.Show(text);
        }
    }

    private static (HashSet<int> Evses, HashSet<string> Tokens) Entry(Dictionary<string, (HashSet<int>, HashSet<string>)> map, string id)
    {
        if (!map.TryGetValue(id, out var entry))
        {
            entry = ([], new HashSet<string>(StringComparer.Ordinal));
            map[id] = entry;
        }

        return entry;
    }

    private static StatusInfoType? Info(string? code, string? reason) =>
        code is null ? null : new StatusInfoType { ReasonCode = code, AdditionalInfo = reason is null ? null : reason[..Math.Min(reason.Length, 1024)] };

    private static ChangeTransactionTariffResponse Change(TariffChangeStatusEnumType status, string code, string? reason) =>
        new() { Status = status, StatusInfo = Info(code, reason) };

    /// <summary>The text of a tariff for the driver: its description (the first one), else its main prices.</summary>
    private static string? Describe(TariffType tariff)
    {
        if (tariff.Description is { Length: > 0 } description && !string.IsNullOrWhiteSpace(description[0].Content))
        {
            return description[0].Content;
        }

        var parts = new List<string>();
        if (tariff.Energy?.Prices is { Length: > 0 } energy)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{energy[0].PriceKwh:0.00##} {tariff.Currency}/kWh"));
        }

        if (tariff.ChargingTime?.Prices is { Length: > 0 } time)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{time[0].PriceMinute:0.00##} {tariff.Currency}/min"));
        }

        if (tariff.FixedFee?.Prices is { Length: > 0 } fixedFee)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fixedFee[0].PriceFixed:0.00} {tariff.Currency} per session"));
        }

        return parts.Count == 0 ? null : "Tariff: " + string.Join(", ", parts) + " (excl. tax)";
    }

    private bool InUse(string tariffId) =>
        _running.Values.Any(t => t.Accumulator?.Tariff.TariffId == tariffId) || _drivers.Values.Any(d => d.Tariff?.TariffId == tariffId);

    private void TrimDrivers()
    {
        while (_drivers.Count > _options.MaxDriverTariffs)
        {
            var oldest = _drivers.Values.OrderBy(d => d.ReceivedAt).First();
            _drivers.TryRemove(oldest.IdToken, out _);
        }
    }

    private async Task ReportProblemAsync(bool problem, string? techCode, string? techInfo, string? transactionId)
    {
        var value = problem ? "true" : "false";
        var key = VariableKey.Of(TariffSettings.Ctrlr, "Problem");
        var changed = Model.GetValue(key) != value;
        Model.SetByStation(key, value);
        if (!changed || _context is null)
        {
            return;
        }

        var request = new NotifyEventRequest
        {
            GeneratedAt = _time.GetUtcNow(),
            SeqNo = 0,
            EventData =
            [
                new EventDataType
                {
                    EventId = (int)(_time.GetUtcNow().ToUnixTimeSeconds() % int.MaxValue),
                    Timestamp = _time.GetUtcNow(),
                    Trigger = EventTriggerEnumType.Alerting,
                    ActualValue = value,
                    TechCode = techCode,
                    TechInfo = techInfo is null ? null : techInfo[..Math.Min(techInfo.Length, 500)],
                    TransactionId = transactionId,
                    Component = new ComponentType { Name = TariffSettings.Ctrlr },
                    Variable = new VariableType { Name = "Problem" },
                    EventNotificationType = EventNotificationEnumType.HardWiredNotification,
                },
            ],
        };
        try
        {
            await _context.Sender.EnqueueAsync(request, QueuePolicy.GuaranteedDelivery, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            TariffLog.Failed(_logger, "NotifyEvent TariffCostCtrlr.Problem", ex);
        }
    }

    private void OnQueuedMessageDelivered(object? sender, OutboundDeliveredEventArgs e)
    {
        if (e.Message.Action != "TransactionEvent" || e.Response is not { } response)
        {
            return;
        }

        try
        {
            var answer = response.Deserialize(OcppJsonContext.Default.TransactionEventResponse);
            if (answer is null || (answer.TotalCost is null && answer.UpdatedPersonalMessage is null))
            {
                return;
            }

            var request = JsonSerializer.Deserialize(e.Message.PayloadJson.Span, OcppJsonContext.Default.TransactionEventRequest);
            if (request is null)
            {
                return;
            }

            var transactionId = request.TransactionInfo.TransactionId;
            if (answer.UpdatedPersonalMessage is { Content: { Length: > 0 } content })
            {
                // I06.FR.03: updated tariff information during the transaction.
                Display.Show(content, transactionId);
            }

            if (answer.TotalCost is not { } total)
            {
                return;
            }

            if (request.EventType == TransactionEventEnumType.Ended)
            {
                var local = _ended.LastOrDefault(c => c.TransactionId == transactionId);
                if (local is null || !local.Local)
                {
                    Remember(new TransactionCost(transactionId, request.Evse?.Id ?? local?.EvseId ?? 0, total, null, Currency, true, false, null));
                    RaiseChanged(transactionId);
                }

                // I03.FR.03: shown when the station was online at the end (an offline end is answered too late, I03 remark).
                if (request.Offline != true)
                {
                    Display.Show(Format("Total cost", total, Currency), transactionId);
                }

                return;
            }

            // I02.FR.04: the running cost in the answer.
            if (_running.TryGetValue(transactionId, out var tx) || TransactionBlock?.EvseOf(transactionId) is not null)
            {
                tx ??= _running.GetOrAdd(transactionId, id => new TxCost(id, TransactionBlock!.EvseOf(id) ?? 0));
                tx.CsmsCost = total;
                if (tx.Accumulator is null)
                {
                    Display.Show(Format("Cost so far", total, Currency), transactionId);
                    RaiseChanged(transactionId);
                }
            }
        }
        catch (JsonException)
        {
            // A malformed answer carries no cost to show.
        }
    }
}
