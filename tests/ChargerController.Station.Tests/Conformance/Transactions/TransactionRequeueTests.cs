using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>
/// The one duplicate a crash can cause (house rule 14): the event was queued — maybe even delivered — but the process
/// died before the journal noted it, so the restart queues it again. It must reach the CSMS as the same CALL.
/// </summary>
public sealed class TransactionRequeueTests
{
    [Fact]
    public async Task E17_EventQueuedButNotNotedInTheJournal_RequeuedAtRestart_UnderTheSameMessageId()
    {
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        var txId = rig.Events[0].TxId();
        var last = TransactionEvents(rig).Last();
        var seqNo = last.Json!.Value[3].GetProperty("seqNo").GetInt32();
        var record = rig.Journal.LoadOpen().Single();
        Assert.Equal(seqNo, record.EnqueuedSeqNo);

        rig.Journal.Save(record with { EnqueuedSeqNo = seqNo - 1, PendingSeqNo = seqNo, PendingPayload = last.Json.Value[3].GetRawText(), PendingIsEnded = false });
        await rig.RestartAsync();
        await rig.WaitForEventAsync(e => e.EventType() == "Ended");

        var copies = TransactionEvents(rig).Where(f => f.Json!.Value[3].TxId() == txId && f.Json.Value[3].GetProperty("seqNo").GetInt32() == seqNo).ToList();
        Assert.Equal(2, copies.Count);
        Assert.Equal(last.MessageId, copies[1].MessageId);
        Assert.Equal(copies[0].Json!.Value[3].GetRawText(), copies[1].Json!.Value[3].GetRawText());
    }

    private static List<RecordedFrame> TransactionEvents(TransactionRig rig) =>
        [.. rig.Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == "TransactionEvent")];
}
