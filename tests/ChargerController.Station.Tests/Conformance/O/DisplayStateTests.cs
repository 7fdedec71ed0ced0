using ChargerController.Station.Evse;

namespace ChargerController.Station.Tests.Conformance.O;

/// <summary>Messages bound to a station state (MessageInfoType.state, OCA TC_O_36..38_CS).</summary>
public sealed class DisplayStateTests : IAsyncLifetime
{
    private DisplayStation _s = null!;

    public async Task InitializeAsync() => _s = await DisplayStation.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TC_O_36_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(1, "InFront", "Charging…", extra: "\"state\":\"Charging\"")));
        Assert.Null(_s.ShownId);

        _s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        _s.H.Transactions.Start(1);
        Assert.Equal(1, _s.ShownId);

        _s.H.Transactions.End(1);
        _s.H.Connectors.Set(1, ConnectorStatus.Available);
        Assert.Null(_s.ShownId);

        var (status, notifies) = await _s.GetAsync("\"id\":[1]");
        Assert.Equal("Accepted", status);
        Assert.Equal("Charging", Assert.Single(DisplayStation.Infos(notifies)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task TC_O_37_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(2, "InFront", "Plug in", extra: "\"state\":\"Idle\"")));
        Assert.Equal(2, _s.ShownId);

        _s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        _s.H.Transactions.Start(1);
        Assert.Null(_s.ShownId);

        _s.H.Transactions.End(1);
        _s.H.Connectors.Set(1, ConnectorStatus.Available);
        Assert.Equal(2, _s.ShownId);

        var (status, notifies) = await _s.GetAsync("\"id\":[2]");
        Assert.Equal("Accepted", status);
        Assert.Equal("Idle", Assert.Single(DisplayStation.Infos(notifies)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task TC_O_38_CS()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(3, "InFront", "Out of order", extra: "\"state\":\"Unavailable\"")));
        Assert.Null(_s.ShownId);

        // Reusable State Unavailable: ChangeAvailability Inoperative took every connector out of service.
        Assert.Equal("Accepted", (await _s.H.Session.CallAsync("ChangeAvailability", """{"operationalStatus":"Inoperative"}"""))[2].GetProperty("status").GetString());
        _s.H.Connectors.Set(1, ConnectorStatus.Unavailable);
        _s.H.Connectors.Set(2, ConnectorStatus.Unavailable);
        Assert.Equal(3, _s.ShownId);

        Assert.Equal("Accepted", (await _s.H.Session.CallAsync("ChangeAvailability", """{"operationalStatus":"Operative"}"""))[2].GetProperty("status").GetString());
        _s.H.Connectors.Set(1, ConnectorStatus.Available);
        _s.H.Connectors.Set(2, ConnectorStatus.Available);
        Assert.Null(_s.ShownId);

        var (status, notifies) = await _s.GetAsync("\"id\":[3]");
        Assert.Equal("Accepted", status);
        Assert.Equal("Unavailable", Assert.Single(DisplayStation.Infos(notifies)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task SetDisplayMessage_SuspendedState_NotSupportedState()
    {
        // O01.FR.02: the default state source does not tell Suspended from Charging, so SupportedStates leaves it out.
        Assert.Equal("NotSupportedState", await _s.SetAsync(DisplayStation.Message(4, extra: "\"state\":\"Suspended\"")));
    }

    [Fact]
    public async Task FaultedConnector_FaultedMessageShown()
    {
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(5, "AlwaysFront", "Call 0800", extra: "\"state\":\"Faulted\"")));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(6, "NormalCycle", "Welcome")));
        Assert.Equal(6, _s.ShownId);
        _s.H.Connectors.Set(2, ConnectorStatus.Faulted);
        Assert.Equal(5, _s.ShownId);
        _s.H.Connectors.Set(2, ConnectorStatus.Available);
        Assert.Equal(6, _s.ShownId);
    }
}
