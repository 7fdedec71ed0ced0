using System.Text.Json;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Transactions;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>Restarts (E17), offline periods and retries (E12, E13), OCA Part 6 scenarios and requirement ids.</summary>
public sealed class TransactionResilienceTests
{
    private static async Task<TransactionRig> ChargingAsync(Dictionary<string, string>? config = null, Action<LoopbackCsms>? script = null)
    {
        var rig = await TransactionRig.StartAsync(config, script: script);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return rig;
    }

    [Fact]
    public async Task E17_FR_21_OpenTransactionAtRestart_EndedAbnormalConditionPowerLoss_SeqNoContinues()
    {
        await using var rig = await ChargingAsync();
        await rig.RunForAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        var before = rig.Events.Count;
        var txId = rig.Events[0].TxId();

        await rig.RestartAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal(txId, ended.TxId());
        Assert.Equal("AbnormalCondition", ended.Trigger());
        Assert.Equal("PowerLoss", ended.StoppedReason());
        Assert.Equal(before, ended.SeqNo());

        // The Transaction.End value is the meter's register now, above the start.
        var end = ended.Samples().Single(s => s.Context == "Transaction.End");
        Assert.True(end.Value > 1000m);
        Assert.Equal(Enumerable.Range(0, before + 1), rig.Events.Select(e => e.SeqNo()));
    }

    [Fact]
    public async Task E17_FR_14_WithinResumptionTimeout_SameTransactionResumedAndChargingAgain()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.ResumptionTimeout"] = "300",
            ["TxCtrlr.AllowEnergyTransferResumption"] = "true",
        });
        var txId = rig.Events[0].TxId();
        var before = rig.Events.Count;

        await rig.RestartAsync();
        var resumed = await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        Assert.Equal("Updated", resumed.EventType());
        Assert.Equal(txId, resumed.TxId());
        Assert.Equal(before, resumed.SeqNo());
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.ContactorClosed);

        await rig.UnplugAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal(txId, ended.TxId());
        Assert.Equal(Enumerable.Range(0, rig.Events.Count), rig.Events.Select(e => e.SeqNo()));
    }

    [Fact]
    public async Task E17_JournaledEventNeverQueued_IsQueuedAtRestart_NoSeqNoGap()
    {
        await using var rig = await ChargingAsync();
        var txId = rig.Events[0].TxId();
        var count = rig.Events.Count;

        // A crash between journaling event n and queueing it: the journal holds it, the queue does not.
        var record = rig.Journal.LoadOpen().Single();
        var lost = JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(new { eventType = "Updated", timestamp = "2025-01-01T12:10:00.000Z", triggerReason = "MeterValuePeriodic", seqNo = record.NextSeqNo, transactionInfo = new { transactionId = txId } }));
        rig.Journal.Save(record with { NextSeqNo = record.NextSeqNo + 1, PendingSeqNo = record.NextSeqNo, PendingPayload = lost.GetRawText() });

        await rig.RestartAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal(count + 1, ended.SeqNo());
        var requeued = rig.Events.Single(e => e.SeqNo() == count);
        Assert.Equal("MeterValuePeriodic", requeued.Trigger());
        Assert.Empty(rig.Journal.LoadOpen());
    }

    [Fact]
    public async Task E01_FR_08_TransactionIdsUniqueAcrossRestarts()
    {
        await using var rig = await TransactionRig.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await rig.PlugAsync();
            await rig.TapAsync("CARD1");
            var started = await rig.WaitForEventAsync(e => e.EventType() == "Started" && !ids.Contains(e.TxId()));
            ids.Add(started.TxId());
            await rig.UnplugAsync();
            await rig.WaitForEventAsync(e => e.EventType() == "Ended" && e.TxId() == started.TxId());
            await rig.RestartAsync();
        }

        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out var g) && g != Guid.Empty));
    }

    [Fact]
    public async Task TC_E_43_CS()
    {
        // A whole transaction while offline: every event offline=true, delivered in order after reconnect.
        await using var rig = await TransactionRig.StartAsync();
        rig.Csms.RefuseConnections(1000);
        rig.Session.Abort();
        await rig.RunUntilAsync(() => !rig.Harness.Runtime.IsConnected);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.ContactorClosed);
        await rig.UnplugAsync();
        await rig.RunUntilAsync(() => !rig.Manager.HasActiveTransaction(1));
        Assert.Empty(rig.Events);

        rig.Csms.AcceptConnections();
        await rig.WaitReconnectedAsync();
        await rig.RunUntilAsync(() => rig.Events.Any(e => e.EventType() == "Ended"), TimeSpan.FromMinutes(5));
        Assert.All(rig.Events, e => Assert.True(e.IsOffline()));
        Assert.Equal(Enumerable.Range(0, rig.Events.Count), rig.Events.Select(e => e.SeqNo()));
        Assert.Equal("Started", rig.Events[0].EventType());
    }

    [Fact]
    public async Task TC_E_40_CS()
    {
        // Connection lost during a transaction: the events of the offline period follow after reconnect, marked offline.
        await using var rig = await ChargingAsync();
        var online = rig.Events.Count;
        rig.Csms.RefuseConnections(1000);
        rig.Session.Abort();
        await rig.RunUntilAsync(() => !rig.Harness.Runtime.IsConnected);
        rig.Ev().SetRequestedState(CpState.B);
        await rig.RunForAsync(TimeSpan.FromSeconds(3));
        await rig.UnplugAsync();
        rig.Csms.AcceptConnections();
        await rig.WaitReconnectedAsync();
        await rig.RunUntilAsync(() => rig.Events.Any(e => e.EventType() == "Ended"), TimeSpan.FromMinutes(5));
        Assert.All(rig.Events.Skip(online), e => Assert.True(e.IsOffline()));
        Assert.Equal(Enumerable.Range(0, rig.Events.Count), rig.Events.Select(e => e.SeqNo()));
    }

    [Fact]
    public async Task TC_E_50_CS()
    {
        // CALLERROR on every attempt: MessageAttempts tries of the same message, then it is dropped and the next goes.
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["OCPPCommCtrlr.MessageAttemptInterval[TransactionEvent]"] = "5" },
            script: csms => csms.RespondWithError("TransactionEvent", "InternalError"));
        Assert.Equal(SetVariableStatusEnumType.Accepted, rig.Harness.Model.TrySet(ChargerController.Station.DeviceModel.VariableKey.Of("OCPPCommCtrlr", "MessageAttempts", "TransactionEvent"), null, "3", out _));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => Calls(rig).Count >= 3, TimeSpan.FromMinutes(2));
        var first = Calls(rig)[0].MessageId;

        // The third CALLERROR travels over a real socket: keep virtual time going until the next message follows.
        await rig.RunUntilAsync(() => Calls(rig).Any(c => c.MessageId != first), TimeSpan.FromMinutes(2));
        var calls = Calls(rig);
        Assert.Equal(3, calls.Count(c => c.MessageId == first));
        Assert.Contains(calls, c => c.MessageId != first);
        var stats = await rig.Queue!.GetStatisticsAsync(CancellationToken.None);
        Assert.True(stats.DiscardedAfterAttempts >= 1);
    }

    [Fact]
    public async Task TC_E_51_CS()
    {
        // CALLERROR twice, then accepted: no loss, no further attempt.
        var answered = 0;
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["OCPPCommCtrlr.MessageAttemptInterval[TransactionEvent]"] = "5" },
            script: csms => csms.RespondRaw("TransactionEvent", (id, _) => Interlocked.Increment(ref answered) <= 2 ? $"[4,\"{id}\",\"InternalError\",\"\",{{}}]" : $"[3,\"{id}\",{{}}]"));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => Calls(rig).Select(c => c.MessageId).Distinct().Count() >= 2, TimeSpan.FromMinutes(2));
        var calls = Calls(rig);
        Assert.Equal(3, calls.Count(c => c.MessageId == calls[0].MessageId));
        var distinct = rig.Events.Select(e => e.SeqNo()).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, distinct.Count), distinct);
    }

    private static List<RecordedFrame> Calls(TransactionRig rig) =>
        [.. rig.Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == "TransactionEvent")];
}
