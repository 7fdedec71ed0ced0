using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>Remote start with TxStartPoint Authorized, retries after timeouts (E13), TriggerMessage for all EVSEs.</summary>
public sealed class MoreTransactionTests
{
    private static List<RecordedFrame> Calls(TransactionRig rig, string action) =>
        [.. rig.Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == action)];

    [Fact]
    public async Task TC_E_13_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "Authorized" });
        var reply = await rig.Session.CallAsync("RequestStartTransaction", """{"idToken":{"idToken":"REMOTE1","type":"Central"},"remoteStartId":5,"evseId":1}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal("RemoteStart", started.Trigger());
        Assert.Equal(5, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        Assert.Equal("REMOTE1", started.IdToken());
    }

    [Fact]
    public async Task TC_E_41_CS()
    {
        // No answer at all: each attempt times out (MessageTimeout), MessageAttempts tries, then the next message goes.
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["OCPPCommCtrlr.MessageAttemptInterval[TransactionEvent]"] = "5" },
            script: csms => csms.Ignore("TransactionEvent"));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => Calls(rig, "TransactionEvent").Select(c => c.MessageId).Distinct().Count() >= 2, TimeSpan.FromMinutes(4));
        var calls = Calls(rig, "TransactionEvent");
        Assert.Equal(3, calls.Count(c => c.MessageId == calls[0].MessageId));
        Assert.Equal(0, calls[0].Json!.Value[3].SeqNo());
    }

    [Fact]
    public async Task TC_E_42_CS()
    {
        // Two attempts unanswered, the third answered: the message is delivered, nothing dropped.
        var seen = 0;
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["OCPPCommCtrlr.MessageAttemptInterval[TransactionEvent]"] = "5" },
            script: csms => csms.RespondRaw("TransactionEvent", (id, _) => Interlocked.Increment(ref seen) <= 2 ? null : $"[3,\"{id}\",{{}}]"));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => Calls(rig, "TransactionEvent").Select(c => c.MessageId).Distinct().Count() >= 2, TimeSpan.FromMinutes(4));
        var calls = Calls(rig, "TransactionEvent");
        Assert.Equal(3, calls.Count(c => c.MessageId == calls[0].MessageId));
        Assert.Equal(0, (await rig.Queue!.GetStatisticsAsync(CancellationToken.None)).DiscardedAfterAttempts);
    }

    [Fact]
    public async Task TC_F_12_CS()
    {
        await using var rig = await TransactionRig.StartAsync(evses: 2);
        var reply = await rig.Session.CallAsync("TriggerMessage", """{"requestedMessage":"MeterValues"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await rig.RunUntilAsync(() => Calls(rig, "MeterValues").Count >= 2);
        Assert.Equal([1, 2], Calls(rig, "MeterValues").Select(f => f.Json!.Value[3].GetProperty("evseId").GetInt32()).Order());
    }

    [Fact]
    public async Task TC_F_14_CS()
    {
        await using var rig = await TransactionRig.StartAsync(evses: 2);
        await rig.PlugAsync(1);
        await rig.TapAsync("CARD1");
        await rig.PlugAsync(2);
        await rig.TapAsync("CARD2");
        await rig.RunUntilAsync(() => rig.Manager.HasActiveTransaction(1) && rig.Manager.HasActiveTransaction(2));
        var reply = await rig.Session.CallAsync("TriggerMessage", """{"requestedMessage":"TransactionEvent"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await rig.RunUntilAsync(() => rig.Events.Count(e => e.Trigger() == "Trigger") >= 2);
        var triggered = rig.Events.Where(e => e.Trigger() == "Trigger").ToList();
        Assert.Equal(2, triggered.Select(e => e.TxId()).Distinct().Count());
        Assert.All(triggered, e => Assert.NotNull(e.ChargingState()));
    }
}
