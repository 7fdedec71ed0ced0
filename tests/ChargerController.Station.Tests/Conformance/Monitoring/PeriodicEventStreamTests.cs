using static ChargerController.Station.Tests.Conformance.Monitoring.MonitorJson;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>OCPP 2.1 periodic event streams (N11-N15) over a real WebSocket: OpenPeriodicEventStream, SEND frames, close, adjust.</summary>
public sealed class PeriodicEventStreamTests : IAsyncLifetime
{
    private MonitoringStation _s = null!;

    public async Task InitializeAsync() => _s = await MonitoringStation.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TC_N_105_CS()
    {
        var id = await AddStreamedAsync("""{"interval":30}""");
        var open = (await _s.H.WaitForCallsAsync("OpenPeriodicEventStream", 1)).GetProperty("constantStreamData");
        Assert.Equal((id, id, 30), (open.GetProperty("id").GetInt32(), open.GetProperty("variableMonitoringId").GetInt32(), open.GetProperty("params").GetProperty("interval").GetInt32()));

        await _s.H.AdvanceUntilAsync(() => _s.H.Calls("NotifyPeriodicEventStream").Count > 0, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
        var frame = await _s.H.Session.WaitForCallAsync("NotifyPeriodicEventStream");

        // N15.FR.01: a SEND frame (message type 6), never answered.
        Assert.Equal(6, frame.MessageTypeNumber);
        var message = frame.Json!.Value[3];
        var data = message.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(id, message.GetProperty("id").GetInt32());
        Assert.Equal(0, message.GetProperty("pending").GetInt32());
        Assert.True(data.Count >= 2, message.GetRawText());

        // N15.FR.09: basetime is the first value's time; offsets follow the 10 s period.
        Assert.Equal(0m, data[0].GetProperty("t").GetDecimal());
        Assert.Equal(10m, data[1].GetProperty("t").GetDecimal());
        Assert.All(data, d => Assert.Equal("Available", d.GetProperty("v").GetString()));
        Assert.DoesNotContain(_s.Events(), e => e.GetProperty("variableMonitoringId").GetInt32() == id);
        Assert.DoesNotContain(_s.H.Session.Frames, f => f.Direction == Testing.Csms.FrameDirection.ToStation && f.MessageId == frame.MessageId);
    }

    [Fact]
    public async Task TC_N_106_CS()
    {
        // N11.FR.07: a rejected stream falls back to NotifyEvent.
        _s.H.Csms.Respond("OpenPeriodicEventStream", """{"status":"Rejected"}""");
        var id = await AddStreamedAsync("""{"interval":30}""");
        await _s.H.WaitForCallsAsync("OpenPeriodicEventStream", 1);
        var e = await _s.WaitEventAsync(e => e.GetProperty("variableMonitoringId").GetInt32() == id, TimeSpan.FromSeconds(2));
        Assert.Equal("Periodic", e.GetProperty("trigger").GetString());
        Assert.Empty(_s.H.Calls("NotifyPeriodicEventStream"));
    }

    [Fact]
    public async Task TC_N_108_CS()
    {
        // Values buffered, not yet flushed (no interval, 100 values per message): clearing flushes them, then closes (N13.FR.03/05).
        var id = await AddStreamedAsync("""{"values":100}""");
        await _s.H.WaitForCallsAsync("OpenPeriodicEventStream", 1);
        await MonitoringStation.SettleAsync();
        for (var i = 0; i < 5; i++)
        {
            _s.H.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(30);
        }

        Assert.Empty(_s.H.Calls("NotifyPeriodicEventStream"));

        var reply = await _s.H.Session.CallAsync("ClearVariableMonitoring", $$"""{"id":[{{id}}]}""");
        Assert.Equal("Accepted", reply[2].GetProperty("clearMonitoringResult")[0].GetProperty("status").GetString());
        var close = await _s.H.WaitForCallsAsync("ClosePeriodicEventStream", 1);
        Assert.Equal(id, close.GetProperty("id").GetInt32());

        var frames = _s.H.Session.FromStation.ToList();
        var flush = frames.FindIndex(f => f.Action == "NotifyPeriodicEventStream");
        Assert.True(flush >= 0 && flush < frames.FindIndex(f => f.Action == "ClosePeriodicEventStream"), "buffered values are sent before the close");
        Assert.True(frames[flush].Json!.Value[3].GetProperty("data").GetArrayLength() >= 2);
        Assert.Empty(_s.Module.Streams.List());
    }

    [Fact]
    public async Task TC_N_109_CS()
    {
        var id = await AddStreamedAsync("""{"interval":600}""");
        await _s.H.WaitForCallsAsync("OpenPeriodicEventStream", 1);
        await MonitoringStation.SettleAsync();

        var unknown = await _s.H.Session.CallAsync("AdjustPeriodicEventStream", """{"id":4711,"params":{"values":2}}""");
        Assert.Equal("Rejected", unknown[2].GetProperty("status").GetString());
        var reply = await _s.H.Session.CallAsync("AdjustPeriodicEventStream", $$$"""{"id":{{{id}}},"params":{"values":2}}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());

        // N12.FR.01: the open stream with its new parameters.
        var list = (await _s.H.Session.CallAsync("GetPeriodicEventStream", "{}"))[2].GetProperty("constantStreamData");
        Assert.Equal((id, 2), (list[0].GetProperty("id").GetInt32(), list[0].GetProperty("params").GetProperty("values").GetInt32()));

        // N14.FR.03 / N15.FR.08: now a message as soon as 2 values are there.
        await _s.H.AdvanceUntilAsync(() => _s.H.Calls("NotifyPeriodicEventStream").Count > 0, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));
        Assert.Equal(2, _s.H.Calls("NotifyPeriodicEventStream")[0].GetProperty("data").GetArrayLength());
    }

    private Task<int> AddStreamedAsync(string parameters) =>
        _s.AddMonitorAsync(Item("Periodic", 10, 7, "EVSE", "AvailabilityState", evse: 1, extra: ",\"periodicEventStream\":" + parameters));
}
