using System.Text.Json;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Monitoring;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>A <see cref="StationHarness"/> with the monitoring block attached, plus helpers for the N test cases.</summary>
public sealed class MonitoringStation : IAsyncDisposable
{
    private MonitoringStation(StationHarness harness, TestEvseFeed feed)
    {
        H = harness;
        Feed = feed;
    }

    public StationHarness H { get; }

    public TestEvseFeed Feed { get; }

    public MonitoringModule Module => (MonitoringModule)H.Modules[0];

    /// <summary>Starts a station (2 EVSEs) with monitoring; <paramref name="storeFactory"/> creates the monitor store per runtime (SQLite restart tests).</summary>
    public static async Task<MonitoringStation> StartAsync(Func<IMonitorStore>? storeFactory = null, IDeviceModelStore? modelStore = null)
    {
        var feed = new TestEvseFeed();
        var memory = new InMemoryMonitorStore();
        var harness = await StationHarness.StartAsync(
            store: modelStore,
            modules: _ => [new MonitoringModule(storeFactory?.Invoke() ?? memory, feed)]);
        foreach (var action in new[] { "NotifyMonitoringReport", "OpenPeriodicEventStream", "ClosePeriodicEventStream" })
        {
            harness.Csms.Respond(action, action == "OpenPeriodicEventStream" ? """{"status":"Accepted"}""" : "{}");
        }

        await harness.WaitAcceptedAsync();
        await harness.WaitForCallsAsync("StatusNotification", 2);
        return new MonitoringStation(harness, feed);
    }

    /// <summary>Sends SetVariableMonitoring and returns setMonitoringResult.</summary>
    public async Task<JsonElement[]> SetMonitoringAsync(params string[] items)
    {
        var reply = await H.Session.CallAsync("SetVariableMonitoring", $$"""{"setMonitoringData":[{{string.Join(",", items)}}]}""");
        Assert.Equal(3, reply[0].GetInt32());
        return [.. reply[2].GetProperty("setMonitoringResult").EnumerateArray()];
    }

    /// <summary>Sets one monitor that must be accepted; returns its id.</summary>
    public async Task<int> AddMonitorAsync(string item)
    {
        var result = (await SetMonitoringAsync(item)).Single();
        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        return result.GetProperty("id").GetInt32();
    }

    /// <summary>Sends GetMonitoringReport; returns the status and, when Accepted, every reported monitor entry of that request.</summary>
    public async Task<(string Status, List<JsonElement> Parts)> ReportAsync(int requestId, string extra = "")
    {
        var reply = await H.Session.CallAsync("GetMonitoringReport", $$"""{"requestId":{{requestId}}{{extra}}}""");
        var status = reply[2].GetProperty("status").GetString()!;
        if (status != "Accepted")
        {
            return (status, []);
        }

        var parts = new List<JsonElement>();
        await H.Session.WaitForFrameAsync(f =>
        {
            if (f.Action == "NotifyMonitoringReport" && f.Json!.Value[3].GetProperty("requestId").GetInt32() == requestId)
            {
                var payload = f.Json!.Value[3];
                if (!parts.Any(p => p.GetProperty("seqNo").GetInt32() == payload.GetProperty("seqNo").GetInt32()))
                {
                    parts.Add(payload);
                }

                return !payload.TryGetProperty("tbc", out var tbc) || !tbc.GetBoolean();
            }

            return false;
        });
        return (status, parts);
    }

    /// <summary>Flattens report parts to (component/variable, monitor) pairs.</summary>
    public static List<(string Variable, JsonElement Monitor)> Monitors(IEnumerable<JsonElement> parts) =>
        [.. parts.SelectMany(p => p.GetProperty("monitor").EnumerateArray()).SelectMany(m => m.GetProperty("variableMonitoring").EnumerateArray().Select(v => (Name(m), v)))];

    /// <summary>Every eventData element sent so far in this session.</summary>
    public List<JsonElement> Events() =>
        [.. H.Calls("NotifyEvent").SelectMany(c => c.GetProperty("eventData").EnumerateArray())];

    /// <summary>Waits (advancing virtual time a little) for an eventData element matching <paramref name="predicate"/>.</summary>
    public async Task<JsonElement> WaitEventAsync(Func<JsonElement, bool> predicate, TimeSpan? step = null)
    {
        await H.AdvanceUntilAsync(() => Events().Any(predicate), step ?? TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        return Events().First(predicate);
    }

    /// <summary>Gives the station a moment of real time to send anything pending.</summary>
    public static Task SettleAsync() => Task.Delay(300);

    public static string Name(JsonElement entry)
    {
        var component = entry.GetProperty("component");
        var evse = component.TryGetProperty("evse", out var e) ? "@" + e.GetProperty("id").GetInt32() : string.Empty;
        return component.GetProperty("name").GetString() + evse + "/" + entry.GetProperty("variable").GetProperty("name").GetString();
    }

    public static bool Is(JsonElement eventData, string name) => Name(eventData) == name;

    public async ValueTask DisposeAsync() => await H.DisposeAsync();
}
