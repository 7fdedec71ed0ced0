namespace ChargerController.Station.Tests.Conformance.O;

/// <summary>O03 Get All DisplayMessages, O04 Get Specific DisplayMessages, O05 Clear a DisplayMessage (OCA TC_O_*_CS).</summary>
public sealed class GetDisplayMessagesTests : IAsyncLifetime
{
    private DisplayStation _s = null!;

    public async Task InitializeAsync() => _s = await DisplayStation.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TC_O_02_CS()
    {
        // More messages than fit one NotifyDisplayMessagesRequest (MessagesPerNotify): split with tbc (O03.FR.03/04).
        var count = (_s.Module.Options.MessagesPerNotify * 2) + 1;
        for (var id = 1; id <= count; id++)
        {
            Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(id)));
        }

        var (status, notifies) = await _s.GetAsync();
        Assert.Equal("Accepted", status);
        Assert.Equal(3, notifies.Count);
        Assert.True(notifies[0].GetProperty("tbc").GetBoolean());
        Assert.True(notifies[1].GetProperty("tbc").GetBoolean());
        Assert.False(notifies[2].TryGetProperty("tbc", out var last) && last.GetBoolean());
        Assert.Equal(Enumerable.Range(1, count), DisplayStation.Infos(notifies).Select(i => i.GetProperty("id").GetInt32()).Order());
    }

    [Fact]
    public async Task TC_O_03_CS() => Assert.Equal("Unknown", (await _s.GetAsync()).Status);

    [Fact]
    public async Task TC_O_04_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(21)));
        Assert.Equal(21, _s.ShownId);

        Assert.Equal("Accepted", await _s.ClearAsync(21));
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[21]")).Status);
        Assert.Null(_s.ShownId);
    }

    [Fact]
    public async Task TC_O_05_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(22)));
        Assert.Equal("Unknown", await _s.ClearAsync(23));
        Assert.Equal("Accepted", (await _s.GetAsync("\"id\":[22]")).Status);
    }

    [Fact]
    public async Task TC_O_07_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(31)));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(32)));

        var (status, notifies) = await _s.GetAsync("\"id\":[32]");
        Assert.Equal("Accepted", status);
        Assert.All(notifies, n => Assert.Equal(notifies[0].GetProperty("requestId").GetInt32(), n.GetProperty("requestId").GetInt32()));
        Assert.Equal([32], DisplayStation.Infos(notifies).Select(i => i.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task TC_O_08_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(41, "InFront")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(42, "NormalCycle")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(43, "InFront")));

        var (status, notifies) = await _s.GetAsync("\"priority\":\"InFront\"");
        Assert.Equal("Accepted", status);
        Assert.Equal([41, 43], DisplayStation.Infos(notifies).Select(i => i.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task TC_O_09_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(51, extra: "\"state\":\"Charging\"")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(52, extra: "\"state\":\"Idle\"")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(53)));

        var (status, notifies) = await _s.GetAsync("\"state\":\"Charging\"");
        Assert.Equal("Accepted", status);
        var info = Assert.Single(DisplayStation.Infos(notifies));
        Assert.Equal((51, "Charging"), (info.GetProperty("id").GetInt32(), info.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task TC_O_11_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(61)));
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[62]")).Status);
    }

    [Fact]
    public async Task TC_O_33_CS() => Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[71]")).Status);

    [Fact]
    public async Task TC_O_34_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(81, extra: "\"state\":\"Idle\"")));
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[81],\"state\":\"Charging\"")).Status);
        Assert.Equal("Accepted", (await _s.GetAsync("\"id\":[81],\"state\":\"Idle\"")).Status);
    }

    [Fact]
    public async Task TC_O_35_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(91, "InFront")));
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[91],\"priority\":\"NormalCycle\"")).Status);
        Assert.Equal("Accepted", (await _s.GetAsync("\"id\":[91],\"priority\":\"InFront\"")).Status);
    }
}
