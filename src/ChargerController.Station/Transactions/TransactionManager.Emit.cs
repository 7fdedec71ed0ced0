using System.Globalization;
using System.Text.Json;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Transactions;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Evse;
using ChargerController.Station.MeterValues;
using VariableKey = ChargerController.Station.DeviceModel.VariableKey;

namespace ChargerController.Station.Transactions;

/// <content>Building, journaling and queueing TransactionEvents.</content>
public sealed partial class TransactionManager
{
    private async Task StartAsync(EvseTransactionState state, TriggerReasonEnumType trigger)
    {
        var now = _time.GetUtcNow();
        var reading = await ReadMeterAsync(state.EvseId).ConfigureAwait(false);
        var id = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        state.Tx = new TransactionRecord(id, state.EvseId, _options.ConnectorId, now, 0) { MeterStartWh = reading?.EnergyImportWh, LastEventAt = now };
        state.EndedValues.Clear();
        var begin = Sample(reading, "SampledDataCtrlr", "TxStartedMeasurands", ReadingContextEnumType.TransactionBegin, now, state);
        if (Sample(reading, "SampledDataCtrlr", "TxEndedMeasurands", ReadingContextEnumType.TransactionBegin, now, state) is { } endedBegin)
        {
            state.EndedValues.Add(endedBegin);

            // Journaled with the Started event below.
            RememberEndedValues(state, save: false);
        }

        var session = state.Session;
        await EmitAsync(state, TransactionEventEnumType.Started, trigger, begin is null ? null : [begin], request =>
        {
            // E01.FR.16: evse in the first event; E01.FR.13: reservationId when a reservation is used.
            request.Evse = new EVSEType { Id = state.EvseId, ConnectorId = _options.ConnectorId };
            request.ReservationId = session?.ReservationId;
        }).ConfigureAwait(false);
        _active[state.EvseId] = id;
        StartTimers(state);
        if (session?.ReservationId is { } reservationId)
        {
            await _reservations.ConsumeAsync(reservationId, CancellationToken.None).ConfigureAwait(false);
        }

        if (state.PendingProfile is { } profile && _profiles is not null)
        {
            state.PendingProfile = null;
            await _profiles.InstallForTransactionAsync(state.EvseId, id, profile, CancellationToken.None).ConfigureAwait(false);
        }

        TransactionStarted?.Invoke(this, state.EvseId);
    }

    private Task UpdateAsync(EvseTransactionState state, TriggerReasonEnumType trigger, IdTokenType? stopToken = null, MeterValueType[]? meterValues = null) =>
        EmitAsync(state, TransactionEventEnumType.Updated, trigger, meterValues, request =>
        {
            if (stopToken is not null)
            {
                request.IdToken = stopToken;
            }
        });

    private async Task EndAsync(EvseTransactionState state, TriggerReasonEnumType trigger, ReasonEnumType reason, IdTokenType? stopToken = null)
    {
        if (state.Tx is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var reading = await ReadMeterAsync(state.EvseId).ConfigureAwait(false);
        var values = new List<MeterValueType>(state.EndedValues);
        if (Sample(reading, "SampledDataCtrlr", "TxEndedMeasurands", ReadingContextEnumType.TransactionEnd, now, state) is { } end)
        {
            values.Add(end);
        }

        state.SampledTimer?.Dispose();
        state.EndedSampleTimer?.Dispose();
        await EmitAsync(state, TransactionEventEnumType.Ended, trigger, values.Count == 0 ? null : [.. values], request =>
        {
            // E06.FR.08/09: stoppedReason is required unless Local; it is always given here for clarity.
            request.TransactionInfo.StoppedReason = reason;
            if (stopToken is not null)
            {
                request.IdToken = stopToken;
            }
        }).ConfigureAwait(false);
        _active.TryRemove(state.EvseId, out _);
        state.ClearTransaction();
        state.Latched = true;
        TransactionEnded?.Invoke(this, state.EvseId);
    }

    private async Task EmitAsync(EvseTransactionState state, TransactionEventEnumType type, TriggerReasonEnumType trigger, MeterValueType[]? meterValues, Action<TransactionEventRequest>? fill)
    {
        var tx = state.Tx ?? throw new InvalidOperationException("no transaction on EVSE " + state.EvseId.ToString(CultureInfo.InvariantCulture));
        var now = _time.GetUtcNow();
        var chargingState = ToOcpp(state.ChargingState, state);
        var request = new TransactionEventRequest
        {
            EventType = type,
            Timestamp = now,
            TriggerReason = trigger,
            SeqNo = tx.NextSeqNo,
            Offline = _context?.Status.IsConnected == true ? null : true,
            MeterValue = meterValues is { Length: > 0 } ? meterValues : null,
            TransactionInfo = new TransactionType
            {
                TransactionId = tx.TransactionId,

                // E01.FR.18: chargingState on every change, so always in Started; E17.FR.14: and in TxResumed.
                ChargingState = type == TransactionEventEnumType.Started || trigger == TriggerReasonEnumType.TxResumed || chargingState != state.ReportedChargingState ? chargingState : null,
            },
        };
        if (state.Session is { } session && !state.IdTokenSent && session.Token is { } token)
        {
            // E02.FR.20 / F02.FR.21: the token (and remoteStartId) go once, in the first event after the authorization.
            request.IdToken = token;
            request.TransactionInfo.RemoteStartId = session.RemoteStartId;
            state.IdTokenSent = true;
            tx = tx with { IdToken = token.IdToken, IdTokenType = token.Type };
            if (StationLimit(session.TransactionLimit, tx) is { } own)
            {
                // E16.FR.01, C18.FR.06 / C25.FR.04-06: a limit the station sets itself (payment card authorization amount, the
                // driver's QR-code input, the configured default) goes with the token and is enforced as a CSMS one (E16).
                request.TransactionInfo.TransactionLimit = own;
                tx = tx with
                {
                    LimitMaxEnergyWh = own.MaxEnergy is { } energy ? (double)energy : tx.LimitMaxEnergyWh,
                    LimitMaxTimeS = own.MaxTime ?? tx.LimitMaxTimeS,
                    LimitMaxCost = own.MaxCost ?? tx.LimitMaxCost,
                };
            }
        }

        if (state.EvConnected && _evses.TryGetValue(state.EvseId, out var controller) && controller.Snapshot.CableMaxCurrentA is { } cable
            && cable is > 0 and < int.MaxValue && (int)Math.Floor(cable) is var amps && amps != tx.CableMaxCurrentA)
        {
            // cableMaxCurrent: the connected cable's rating (PP or the tethered cable), once and when it changes.
            request.CableMaxCurrent = amps;
            tx = tx with { CableMaxCurrentA = amps };
        }

        if (state.ChargingState == EvseChargingState.Charging)
        {
            // E02.FR.18/19: numberOfPhasesUsed when energy starts and when it changes.
            var phases = _evses[state.EvseId].Snapshot.Phases == Hardware.Abstractions.Contactor.PhaseSelection.SinglePhase ? 1 : PhasesOf(state.EvseId);
            if (phases != state.ReportedPhases)
            {
                request.NumberOfPhasesUsed = phases;
                state.ReportedPhases = phases;
            }
        }

        fill?.Invoke(request);
        await ContributeAsync(state.EvseId, request).ConfigureAwait(false);
        state.ReportedChargingState = chargingState;
        var ended = type == TransactionEventEnumType.Ended;
        var payload = JsonSerializer.Serialize(request, OcppJsonContext.Default.TransactionEventRequest);

        // House rule 14: the seqNo and the event are durable before the event is queued; a crash in between re-queues it.
        tx = tx with
        {
            NextSeqNo = request.SeqNo + 1,
            PendingSeqNo = request.SeqNo,
            PendingPayload = payload,
            PendingIsEnded = ended,
            ChargingState = chargingState.ToString(),
            LastEventAt = now,
        };
        _journal.Save(tx);
        state.Tx = tx;
        if (!await TryEnqueueAsync(request, tx).ConfigureAwait(false))
        {
            return;
        }

        if (ended)
        {
            _journal.Remove(tx.TransactionId);
        }
        else
        {
            tx = tx with { EnqueuedSeqNo = request.SeqNo, PendingPayload = null };
            _journal.Save(tx);
            state.Tx = tx;
        }

        var typeName = type.ToString();
        var triggerName = trigger.ToString();
        TransactionLog.EventQueued(_logger, state.EvseId, tx.TransactionId, typeName, request.SeqNo, triggerName);
    }

    private async Task<bool> TryEnqueueAsync(TransactionEventRequest request, TransactionRecord tx)
    {
        if (_context is null)
        {
            return false;
        }

        try
        {
            // House rule 14: the id follows from transactionId and seqNo, so the re-queue after a crash between the queue's
            // commit and the journal's (ResumeOpenTransactionsAsync) is the same CALL again, never a second one.
            var messageId = TransactionMessageId.For(tx.TransactionId, request.SeqNo);
            await _context.Sender.EnqueueAsync(request, TransactionPolicy(), messageId, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            TransactionLog.EnqueueFailed(_logger, tx.TransactionId, request.SeqNo, ex);
            return false;
        }
    }

    private QueuePolicy TransactionPolicy()
    {
        // E13.FR.02-04: MessageAttempts / MessageAttemptInterval of instance TransactionEvent.
        var model = _context!.DeviceModel;
        var attempts = model.GetInt("OCPPCommCtrlr", "MessageAttempts", 3, "TransactionEvent");
        var interval = model.GetInt("OCPPCommCtrlr", "MessageAttemptInterval", 60, "TransactionEvent");
        return new QueuePolicy(true, Math.Max(1, attempts), TimeSpan.FromSeconds(Math.Max(0, interval)));
    }

    private int PhasesOf(int evseId) => _meters.TryGetValue(evseId, out var meter) ? meter.Phases : 3;

    private MeterValueType? Sample(MeterReading? reading, string component, string variable, ReadingContextEnumType context, DateTimeOffset timestamp, EvseTransactionState state)
    {
        if (reading is null)
        {
            return null;
        }

        var measurands = MeasurandList.Parse(Text(component, variable));
        return measurands.Count == 0 ? null : SignIfConfigured(MeterValueBuilder.Build(reading, measurands, context, timestamp, state.OfferedCurrentA), reading, component, variable, context, state.EvseId, state.Tx?.TransactionId);
    }

    private async Task<MeterReading?> ReadMeterAsync(int evseId)
    {
        if (!_meters.TryGetValue(evseId, out var meter))
        {
            return null;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_options.MeterReadTimeout, _time);
            return await meter.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MeterReadException or OperationCanceledException)
        {
            TransactionLog.MeterUnavailable(_logger, evseId, ex);
            return null;
        }
    }

    private string? Text(string component, string variable) => _context?.DeviceModel.GetValue(VariableKey.Of(component, variable));
}
