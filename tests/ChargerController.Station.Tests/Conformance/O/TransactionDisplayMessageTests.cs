namespace ChargerController.Station.Tests.Conformance.O;

/// <summary>O02 Set DisplayMessage for Transaction (OCA TC_O_*_CS): Charging State EnergyTransferStarted on EVSE 1 (transaction tx-1).</summary>
public sealed class TransactionDisplayMessageTests : IAsyncLifetime
{
    private DisplayStation _s = null!;

    public async Task InitializeAsync()
    {
        _s = await DisplayStation.StartAsync();
        _s.H.Transactions.Start(1);
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TC_O_06_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(1, "NormalCycle", "Enjoy", extra: "\"transactionId\":\"tx-1\"")));
        Assert.Equal(1, _s.ShownId);

        // StopAuthorized … EVDisconnected: the transaction ends and its message goes (O02.FR.02).
        _s.H.Transactions.End(1);
        Assert.Null(_s.ShownId);
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[1]")).Status);
    }

    [Fact]
    public async Task TC_O_10_CS()
    {
        Assert.Equal("UnknownTransaction", await _s.SetAsync(DisplayStation.Message(2, extra: "\"transactionId\":\"no-such-tx\"")));
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[2]")).Status);
    }

    [Fact]
    public async Task TC_O_27_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(3, extra: $"\"transactionId\":\"tx-1\",\"startDateTime\":\"{_s.At(TimeSpan.FromSeconds(60))}\"")));
        Assert.Null(_s.ShownId);
        _s.H.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(3, _s.ShownId);

        _s.H.Transactions.End(1);
        Assert.Null(_s.ShownId);
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[3]")).Status);
    }

    [Fact]
    public async Task TC_O_28_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(4, extra: $"\"transactionId\":\"tx-1\",\"endDateTime\":\"{_s.At(TimeSpan.FromSeconds(60))}\"")));
        Assert.Equal(4, _s.ShownId);
        _s.H.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(_s.ShownId);
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[4]")).Status);
    }

    [Fact]
    public async Task TC_O_30_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(5, "InFront", "Tip", extra: "\"transactionId\":\"tx-1\"")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(6, "InFront", "Tip 2", extra: "\"transactionId\":\"tx-1\"")));
        foreach (var (id, content) in new[] { (5, "Tip"), (6, "Tip 2") })
        {
            var (status, notifies) = await _s.GetAsync($"\"id\":[{id}]");
            Assert.Equal("Accepted", status);
            var info = Assert.Single(DisplayStation.Infos(notifies));
            Assert.Equal(("tx-1", "InFront", content), (info.GetProperty("transactionId").GetString(), info.GetProperty("priority").GetString(), info.GetProperty("message").GetProperty("content").GetString()));
        }

        // O02.FR.16: they take turns while the transaction runs.
        var first = _s.ShownId;
        _s.H.Time.Advance(_s.Module.Options.CycleInterval);
        Assert.NotEqual(first, _s.ShownId);

        _s.H.Transactions.End(1);
        Assert.Null(_s.ShownId);
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[5]")).Status);
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[6]")).Status);
    }

    [Fact]
    public async Task TC_O_32_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(7, "AlwaysFront", "Note", extra: "\"transactionId\":\"tx-1\"")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(8, "AlwaysFront", "Note2", extra: "\"transactionId\":\"tx-1\"")));

        // O02.FR.18: the second AlwaysFront message replaced the first.
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[7]")).Status);
        var (status, notifies) = await _s.GetAsync("\"id\":[8]");
        Assert.Equal("Accepted", status);
        var info = Assert.Single(DisplayStation.Infos(notifies));
        Assert.Equal(("tx-1", "AlwaysFront", "Note2"), (info.GetProperty("transactionId").GetString(), info.GetProperty("priority").GetString(), info.GetProperty("message").GetProperty("content").GetString()));
        Assert.Equal(8, _s.ShownId);

        _s.H.Transactions.End(1);
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[8]")).Status);
    }

    [Fact]
    public async Task TransactionEnds_OtherTransactionsMessagesStay()
    {
        _s.H.Transactions.Start(2);
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(9, extra: "\"transactionId\":\"tx-1\"")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(10, extra: "\"transactionId\":\"tx-2\"")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(11)));

        _s.H.Transactions.End(1);
        Assert.Equal([10, 11], DisplayStation.Infos((await _s.GetAsync()).Notifies).Select(i => i.GetProperty("id").GetInt32()));
    }
}
