using System.Text.Json;
using ChargerController.Testing.Csms;

namespace ChargerController.IntegrationTests.CrashSafety;

/// <summary>
/// What the CSMS received, checked the way a billing back end depends on it: per transaction seqNo 0..n without a gap
/// (E01.FR.16: seqNo increments by one per TransactionEvent of the transaction), one <c>Started</c> first, at most one
/// <c>Ended</c> last, a repeated seqNo only as a resend of the same CALL (same messageId, same payload), real
/// transaction ids, and each EVSE's import register never going down.
/// </summary>
internal sealed class TransactionEventLedger
{
    private TransactionEventLedger(IReadOnlyList<Transaction> transactions, int received, int resent)
    {
        Transactions = transactions;
        Received = received;
        Resent = resent;
    }

    public IReadOnlyList<Transaction> Transactions { get; }

    public int Received { get; }

    /// <summary>Resends of an already received CALL (same messageId and payload): allowed, the CSMS recognises them.</summary>
    public int Resent { get; }

    public Transaction Single(string transactionId) => Transactions.Single(t => t.Id == transactionId);

    /// <summary>Checks <paramref name="frames"/> (TransactionEvent CALLs in arrival order) and fails the test on any violation.</summary>
    public static TransactionEventLedger Check(IReadOnlyList<RecordedFrame> frames, bool requireEnded)
    {
        var calls = frames.Select(f => (MessageId: f.MessageId!, Payload: f.Json!.Value[3])).ToList();
        var transactions = new List<Transaction>();
        var resent = 0;
        foreach (var tx in calls.GroupBy(c => c.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!))
        {
            Assert.True(Guid.TryParse(tx.Key, out var id) && id != Guid.Empty, $"transactionId '{tx.Key}' is not a real id");
            var unique = new List<JsonElement>();
            foreach (var same in tx.GroupBy(c => c.Payload.GetProperty("seqNo").GetInt32()).OrderBy(g => g.Key))
            {
                var ids = same.Select(c => c.MessageId).Distinct().ToList();
                var texts = same.Select(c => c.Payload.GetRawText()).Distinct().ToList();
                Assert.True(ids.Count == 1, $"transaction {tx.Key} seqNo {same.Key} arrived as {ids.Count} different CALLs ({string.Join(", ", ids)}): a duplicate, not a resend:\n{string.Join('\n', same.Select(c => c.MessageId + " " + c.Payload.GetRawText()))}");
                Assert.True(texts.Count == 1, $"transaction {tx.Key} seqNo {same.Key}: the resends differ:\n{string.Join('\n', texts)}");
                resent += same.Count() - 1;
                unique.Add(same.First().Payload);
            }

            var seqNos = unique.Select(e => e.GetProperty("seqNo").GetInt32()).ToList();
            Assert.True(Enumerable.Range(0, unique.Count).SequenceEqual(seqNos), $"transaction {tx.Key}: seqNo {string.Join(",", seqNos)} is not 0..{unique.Count - 1}");
            var types = unique.Select(e => e.GetProperty("eventType").GetString()).ToList();
            Assert.Equal("Started", types[0]);
            Assert.Equal(1, types.Count(t => t == "Started"));
            Assert.True(types.Count(t => t == "Ended") <= 1, $"transaction {tx.Key} ended twice");
            if (types.Contains("Ended"))
            {
                Assert.Equal("Ended", types[^1]);
            }
            else
            {
                Assert.False(requireEnded, $"transaction {tx.Key} never ended: {string.Join(",", types)}");
            }

            transactions.Add(new Transaction(tx.Key, unique[0].GetProperty("evse").GetProperty("id").GetInt32(), unique));
        }

        foreach (var evse in transactions.GroupBy(t => t.EvseId))
        {
            // Across transactions and restarts: the meter's register is a physical counter.
            var register = evse.SelectMany(t => t.Events).SelectMany(Registers).OrderBy(r => r.At).ThenBy(r => r.Wh).ToList();
            for (var i = 1; i < register.Count; i++)
            {
                Assert.True(register[i].Wh >= register[i - 1].Wh, $"EVSE {evse.Key}: the energy register went down from {register[i - 1]} to {register[i]}");
            }
        }

        return new TransactionEventLedger(transactions, calls.Count, resent);
    }

    private static IEnumerable<(DateTimeOffset At, decimal Wh)> Registers(JsonElement transactionEvent) =>
        !transactionEvent.TryGetProperty("meterValue", out var values) ? []
        : values.EnumerateArray().SelectMany(mv => mv.GetProperty("sampledValue").EnumerateArray()
            .Where(sv => !sv.TryGetProperty("measurand", out var m) || m.GetString() == "Energy.Active.Import.Register")
            .Where(sv => !sv.TryGetProperty("phase", out _))
            .Select(sv => (mv.GetProperty("timestamp").GetDateTimeOffset(), sv.GetProperty("value").GetDecimal())));

    /// <summary>One transaction as the CSMS saw it, each seqNo once.</summary>
    internal sealed record Transaction(string Id, int EvseId, IReadOnlyList<JsonElement> Events)
    {
        public JsonElement? Ended => Events[^1].GetProperty("eventType").GetString() == "Ended" ? Events[^1] : null;

        public string? StoppedReason => Ended is { } e && e.GetProperty("transactionInfo").TryGetProperty("stoppedReason", out var r) ? r.GetString() : null;

        public string? EndTrigger => Ended?.GetProperty("triggerReason").GetString();
    }
}
