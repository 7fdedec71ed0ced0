using ChargerController.Station.DeviceModel;
using ChargerController.Station.DisplayMessages;

namespace ChargerController.Station.Tests.Conformance.O;

/// <summary>O01 Set DisplayMessage and O06 Replace DisplayMessage over the loopback CSMS (OCA TC_O_*_CS, Part 6).</summary>
public sealed class SetDisplayMessageTests : IAsyncLifetime
{
    private DisplayStation _s = null!;

    public async Task InitializeAsync() => _s = await DisplayStation.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TC_O_01_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(1, "NormalCycle", "Welcome", "ASCII")));
        Assert.Equal(1, _s.ShownId);

        var (status, notifies) = await _s.GetAsync("\"id\":[1]");
        Assert.Equal("Accepted", status);
        var info = Assert.Single(DisplayStation.Infos(notifies));
        Assert.Equal(1, info.GetProperty("id").GetInt32());
        Assert.Equal("NormalCycle", info.GetProperty("priority").GetString());
        Assert.Equal("ASCII", info.GetProperty("message").GetProperty("format").GetString());
        Assert.Equal("Welcome", info.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("1", _s.H.Model.GetValue(VariableKey.Of("DisplayMessageCtrlr", "DisplayMessages")));
    }

    [Fact]
    public async Task TC_O_12_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(4, "NormalCycle", "Old")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(4, "InFront", "New", extra: $"\"endDateTime\":\"{_s.At(TimeSpan.FromHours(1))}\"")));

        var info = Assert.Single(DisplayStation.Infos((await _s.GetAsync()).Notifies));
        Assert.Equal("InFront", info.GetProperty("priority").GetString());
        Assert.Equal("New", info.GetProperty("message").GetProperty("content").GetString());
        Assert.True(info.TryGetProperty("endDateTime", out _));
        Assert.Equal("New", _s.Display.Current?.Content);
    }

    [Fact]
    public async Task TC_O_13_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(2, extra: $"\"startDateTime\":\"{_s.At(TimeSpan.FromSeconds(60))}\"")));
        var (status, notifies) = await _s.GetAsync("\"id\":[2]");
        Assert.Equal("Accepted", status);
        Assert.True(Assert.Single(DisplayStation.Infos(notifies)).TryGetProperty("startDateTime", out _));

        // O01.FR.06: not before startDateTime, shown once it has come.
        Assert.Null(_s.ShownId);
        _s.H.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(_s.ShownId);
        _s.H.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, _s.ShownId);
    }

    [Fact]
    public async Task TC_O_14_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(3, extra: $"\"endDateTime\":\"{_s.At(TimeSpan.FromSeconds(60))}\"")));
        var (status, notifies) = await _s.GetAsync("\"id\":[3]");
        Assert.Equal("Accepted", status);
        Assert.True(Assert.Single(DisplayStation.Infos(notifies)).TryGetProperty("endDateTime", out _));
        Assert.Equal(3, _s.ShownId);

        // O01.FR.07: removed after endDateTime.
        _s.H.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(_s.ShownId);
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[3]")).Status);
        Assert.Equal("0", _s.H.Model.GetValue(VariableKey.Of("DisplayMessageCtrlr", "DisplayMessages")));
    }

    [Fact]
    public async Task TC_O_17_CS()
    {
        // A display maker declares the priorities its display can honour (configuration file); here no AlwaysFront.
        _s.H.Model.SetByStation(VariableKey.Of("DisplayMessageCtrlr", "SupportedPriorities"), "InFront,NormalCycle");
        Assert.Equal("NotSupportedPriority", await _s.SetAsync(DisplayStation.Message(5, "AlwaysFront")));
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[5]")).Status);
    }

    [Fact]
    public async Task TC_O_19_CS()
    {
        // The text display has no HTML renderer (SupportedFormats ASCII,UTF8,URI).
        Assert.Equal("NotSupportedMessageFormat", await _s.SetAsync(DisplayStation.Message(6, format: "HTML", content: "<b>Hi</b>")));
        Assert.Equal("Unknown", (await _s.GetAsync()).Status);
    }

    [Fact]
    public async Task TC_O_22_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(7, "InFront", "First")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(8, "InFront", "Second")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(9, "NormalCycle", "Background")));
        foreach (var id in new[] { 7, 8 })
        {
            var (status, notifies) = await _s.GetAsync($"\"id\":[{id}]");
            Assert.Equal("Accepted", status);
            Assert.Equal(id, Assert.Single(DisplayStation.Infos(notifies)).GetProperty("id").GetInt32());
        }

        // O01.FR.13/14: the InFront messages take turns, the NormalCycle one waits.
        var seen = new HashSet<int>();
        for (var i = 0; i < 4; i++)
        {
            seen.Add(_s.ShownId!.Value);
            _s.H.Time.Advance(_s.Module.Options.CycleInterval);
        }

        Assert.Equal([7, 8], seen.Order());
    }

    [Fact]
    public async Task TC_O_24_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(10, "AlwaysFront", "Closed soon")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(11, "AlwaysFront", "Closed soon 2")));

        // O01.FR.16: the second AlwaysFront message replaced the first.
        Assert.Equal("Unknown", (await _s.GetAsync("\"id\":[10]")).Status);
        var (status, notifies) = await _s.GetAsync("\"id\":[11]");
        Assert.Equal("Accepted", status);
        Assert.Equal("Closed soon 2", Assert.Single(DisplayStation.Infos(notifies)).GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(11, _s.ShownId);
    }

    [Fact]
    public async Task TC_O_100_CS()
    {
        // O01.FR.18: DisplayMessageCtrlr.Language is present; Japanese is not in its valuesList.
        Assert.Equal("LanguageNotSupported", await _s.SetAsync(DisplayStation.Message(12, extra: "\"messageExtra\":[{\"format\":\"UTF8\",\"language\":\"ja\",\"content\":\"x\"}]")));
        Assert.Equal("LanguageNotSupported", await _s.SetAsync("""{"id":13,"priority":"NormalCycle","message":{"format":"UTF8","language":"ja-JP","content":"x"}}"""));
        Assert.Equal("Unknown", (await _s.GetAsync()).Status);
        Assert.Equal("Accepted", await _s.SetAsync("""{"id":14,"priority":"NormalCycle","message":{"format":"UTF8","language":"en-GB","content":"Hi"},"messageExtra":[{"format":"UTF8","language":"de","content":"Hallo"}]}"""));
    }

    [Fact]
    public async Task SetDisplayMessage_StoreFull_Rejected()
    {
        for (var id = 1; id <= DeviceModelCatalog.DisplayMessageCapacity; id++)
        {
            Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(id)));
        }

        // O01.FR.11: one more would exceed DisplayMessages.maxLimit; replacing an existing id does not.
        Assert.Equal("Rejected", await _s.SetAsync(DisplayStation.Message(1000)));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(1, content: "Replaced")));
    }

    [Fact]
    public async Task SetDisplayMessage_UnknownDisplay_Rejected()
    {
        Assert.Equal("Rejected", await _s.SetAsync(DisplayStation.Message(1, extra: "\"display\":{\"name\":\"RearScreen\"}")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(2, extra: $"\"display\":{{\"name\":\"{SetDisplayMessageRules.DisplayComponent}\"}}")));
    }

    [Fact]
    public async Task SetDisplayMessage_Disabled_Rejected()
    {
        _s.H.Model.SetByStation(VariableKey.Of("DisplayMessageCtrlr", "Enabled"), "false");
        Assert.Equal("Rejected", await _s.SetAsync(DisplayStation.Message(1)));
    }
}
