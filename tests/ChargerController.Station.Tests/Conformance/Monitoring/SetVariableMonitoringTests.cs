using static ChargerController.Station.Tests.Conformance.Monitoring.MonitorJson;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>SetVariableMonitoring (N04), OCA Part 6 scenarios, over the loopback CSMS.</summary>
public sealed class SetVariableMonitoringTests : IAsyncLifetime
{
    private MonitoringStation _s = null!;

    public async Task InitializeAsync() => _s = await MonitoringStation.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TC_N_08_CS()
    {
        var result = (await _s.SetMonitoringAsync(Power("UpperThreshold", 7000))).Single();
        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("id").GetInt32() >= 1000, "N04.FR.11: the station generates the id");
        Assert.Equal(("EVSE", 1, "Power", "UpperThreshold", 4), (result.GetProperty("component").GetProperty("name").GetString(), result.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32(), result.GetProperty("variable").GetProperty("name").GetString(), result.GetProperty("type").GetString(), result.GetProperty("severity").GetInt32()));
    }

    [Fact]
    public async Task TC_N_09_CS()
    {
        var results = await _s.SetMonitoringAsync(Power("UpperThreshold", 7000), Heartbeat("Delta", 10), Item("Periodic", 60, 8, "EVSE", "AvailabilityState", evse: 2));
        Assert.Equal(["Accepted", "Accepted", "Accepted"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(["Power", "HeartbeatInterval", "AvailabilityState"], results.Select(r => r.GetProperty("variable").GetProperty("name").GetString()));
        Assert.Equal(3, results.Select(r => r.GetProperty("id").GetInt32()).Distinct().Count());
    }

    [Fact]
    public async Task TC_N_10_CS()
    {
        var results = await _s.SetMonitoringAsync(Power("UpperThreshold", 7000, severity: 4), Power("UpperThreshold", 7200, severity: 3), Power("LowerThreshold", 10), Power("Delta", 500));
        Assert.All(results, r => Assert.Equal("Accepted", r.GetProperty("status").GetString()));
        var (_, parts) = await _s.ReportAsync(5, ""","componentVariable":[{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}}]""");
        Assert.Equal(4, MonitoringStation.Monitors(parts).Count);
    }

    [Fact]
    public async Task TC_N_11_CS()
    {
        var result = (await _s.SetMonitoringAsync(Item("UpperThreshold", 1, 4, "NoSuchCtrlr", "Power"))).Single();
        Assert.Equal("UnknownComponent", result.GetProperty("status").GetString());
        Assert.False(result.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task TC_N_37_CS()
    {
        var result = (await _s.SetMonitoringAsync(Item("UpperThreshold", 1, 4, "EVSE", "NoSuchVariable", evse: 1))).Single();
        Assert.Equal("UnknownVariable", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_N_12_CS()
    {
        // N04.FR.14: a negative Delta is rejected.
        var result = (await _s.SetMonitoringAsync(Power("Delta", -5))).Single();
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_N_13_CS()
    {
        // N04.FR.06: EVSE.Power has maxLimit 22080 W; HeartbeatInterval has minLimit 1.
        var results = await _s.SetMonitoringAsync(Power("UpperThreshold", 30000), Heartbeat("LowerThreshold", 0));
        Assert.Equal(["Rejected", "Rejected"], results.Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task TC_N_15_CS()
    {
        await _s.AddMonitorAsync(Power("UpperThreshold", 6700, severity: 4));
        var result = (await _s.SetMonitoringAsync(Power("UpperThreshold", 7800, severity: 4))).Single();
        Assert.Equal("Duplicate", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_N_39_CS()
    {
        var id = await _s.AddMonitorAsync(Power("UpperThreshold", 6700));
        var result = (await _s.SetMonitoringAsync(Heartbeat("UpperThreshold", 600, id: id))).Single();
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
        var (_, parts) = await _s.ReportAsync(6);
        Assert.Contains(MonitoringStation.Monitors(parts), m => m.Variable == "EVSE@1/Power" && m.Monitor.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task TC_N_40_CS()
    {
        var id = await _s.AddMonitorAsync(Power("UpperThreshold", 6700));
        var result = (await _s.SetMonitoringAsync(Power("UpperThreshold", 6900, severity: 2, id: id))).Single();
        Assert.Equal(("Accepted", id), (result.GetProperty("status").GetString(), result.GetProperty("id").GetInt32()));
        var (_, parts) = await _s.ReportAsync(7, ""","monitoringCriteria":["ThresholdMonitoring"]""");
        var monitor = Assert.Single(MonitoringStation.Monitors(parts), m => m.Variable == "EVSE@1/Power").Monitor;
        Assert.Equal((6900m, 2, id), (monitor.GetProperty("value").GetDecimal(), monitor.GetProperty("severity").GetInt32(), monitor.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task TC_N_43_CS()
    {
        var results = await _s.SetMonitoringAsync(Power("UpperThreshold", 7000), Power("LowerThreshold", 99999), Heartbeat("Delta", 5));
        Assert.Equal(["Accepted", "Rejected", "Accepted"], results.Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task N04_FR_13_UnknownId_Rejected()
    {
        var result = (await _s.SetMonitoringAsync(Power("UpperThreshold", 7000, id: 4242))).Single();
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task N04_FR_18_HardWiredMonitor_CannotBeReplaced()
    {
        var hardWired = _s.Module.Engine.ActiveMonitors.First(m => m.Origin == ChargerController.Station.Monitoring.MonitorOrigin.HardWired);
        var result = (await _s.SetMonitoringAsync(Item("Delta", 1, 9, hardWired.Key.Component, hardWired.Key.Variable, evse: hardWired.Key.EvseId, id: hardWired.Id))).Single();
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task N04_FR_05_ThresholdOnNonNumericVariable_UnsupportedMonitorType()
    {
        var results = await _s.SetMonitoringAsync(Item("UpperThreshold", 1, 4, "EVSE", "AvailabilityState", evse: 1), Item("TargetDelta", 1, 4, "OCPPCommCtrlr", "HeartbeatInterval"));
        Assert.Equal(["UnsupportedMonitorType", "UnsupportedMonitorType"], results.Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task N04_FR_09_MoreItemsThanItemsPerMessage_OccurrenceConstraintViolation()
    {
        var items = Enumerable.Range(0, 21).Select(i => Heartbeat("Delta", i, severity: i % 10));
        var reply = await _s.H.Session.CallAsync("SetVariableMonitoring", $$"""{"setMonitoringData":[{{string.Join(",", items)}}]}""");
        Assert.Equal((4, "OccurrenceConstraintViolation"), (reply[0].GetInt32(), reply[2].GetString()));
    }
}
