namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>GetTransactionStatus (E14), OCA Part 6 scenarios.</summary>
public sealed class TransactionStatusTests
{
    private static async Task<(bool? Ongoing, bool InQueue)> StatusAsync(TransactionRig rig, string? transactionId)
    {
        var reply = await rig.Session.CallAsync("GetTransactionStatus", transactionId is null ? "{}" : $$"""{"transactionId":"{{transactionId}}"}""");
        var payload = reply[2];
        return (payload.TryGetProperty("ongoingIndicator", out var o) ? o.GetBoolean() : null, payload.GetProperty("messagesInQueue").GetBoolean());
    }

    private static async Task<TransactionRig> StartedAsync(bool answerEvents)
    {
        var rig = await TransactionRig.StartAsync(script: csms =>
        {
            if (!answerEvents)
            {
                csms.Ignore("TransactionEvent");
            }
        });
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => rig.Manager.HasActiveTransaction(1));
        return rig;
    }

    [Fact]
    public async Task TC_E_28_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        Assert.Equal((false, false), await StatusAsync(rig, "unknown-transaction"));
    }

    [Fact]
    public async Task TC_E_29_CS()
    {
        await using var rig = await StartedAsync(answerEvents: false);
        var txId = rig.Manager.GetTransactionId(1)!;
        await rig.RunUntilAsync(() => rig.Events.Count >= 1);
        Assert.Equal((true, true), await StatusAsync(rig, txId));
    }

    [Fact]
    public async Task TC_E_30_CS()
    {
        await using var rig = await StartedAsync(answerEvents: true);
        var txId = rig.Manager.GetTransactionId(1)!;
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.RunUntilAsync(() => rig.Queue!.ListAsync(CancellationToken.None).AsTask().Result.Count == 0);
        Assert.Equal((true, false), await StatusAsync(rig, txId));
    }

    [Fact]
    public async Task TC_E_31_CS()
    {
        await using var rig = await StartedAsync(answerEvents: false);
        var txId = rig.Manager.GetTransactionId(1)!;
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => !rig.Manager.HasActiveTransaction(1));
        Assert.Equal((false, true), await StatusAsync(rig, txId));
    }

    [Fact]
    public async Task TC_E_32_CS()
    {
        await using var rig = await StartedAsync(answerEvents: true);
        var txId = rig.Manager.GetTransactionId(1)!;
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        await rig.RunUntilAsync(() => rig.Queue!.ListAsync(CancellationToken.None).AsTask().Result.Count == 0);
        Assert.Equal((false, false), await StatusAsync(rig, txId));
    }

    [Fact]
    public async Task TC_E_33_CS()
    {
        await using var rig = await StartedAsync(answerEvents: false);
        await rig.RunUntilAsync(() => rig.Events.Count >= 1);
        Assert.Equal((null, true), await StatusAsync(rig, null));
    }

    [Fact]
    public async Task TC_E_34_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        Assert.Equal((null, false), await StatusAsync(rig, null));
    }
}
