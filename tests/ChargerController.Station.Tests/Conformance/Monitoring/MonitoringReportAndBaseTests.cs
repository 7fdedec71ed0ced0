using static ChargerController.Station.Tests.Conformance.Monitoring.MonitorJson;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>GetMonitoringReport (N02), SetMonitoringBase (N03), SetMonitoringLevel (N05), ClearVariableMonitoring (N06).</summary>
public sealed class MonitoringReportAndBaseTests : IAsyncLifetime
{
    private MonitoringStation _s = null!;

    public async Task InitializeAsync() => _s = await MonitoringStation.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TC_N_01_CS()
    {
        await _s.SetMonitoringAsync(Power("UpperThreshold", 7000), Power("LowerThreshold", 10), Heartbeat("Delta", 5), Heartbeat("Periodic", 60), Heartbeat("PeriodicClockAligned", 900, severity: 6));

        var (status, parts) = await _s.ReportAsync(21, ""","monitoringCriteria":["ThresholdMonitoring"]""");
        Assert.Equal("Accepted", status);
        AssertParts(parts, 21);
        Assert.All(MonitoringStation.Monitors(parts), m => Assert.Contains(m.Monitor.GetProperty("type").GetString(), new[] { "UpperThreshold", "LowerThreshold" }));
        Assert.Equal(2, MonitoringStation.Monitors(parts).Count);

        (_, parts) = await _s.ReportAsync(22, ""","monitoringCriteria":["ThresholdMonitoring","DeltaMonitoring"]""");
        Assert.All(MonitoringStation.Monitors(parts), m => Assert.Contains(m.Monitor.GetProperty("type").GetString(), new[] { "UpperThreshold", "LowerThreshold", "Delta" }));
        Assert.Contains(MonitoringStation.Monitors(parts), m => m.Variable == "OCPPCommCtrlr/HeartbeatInterval" && m.Monitor.GetProperty("type").GetString() == "Delta");

        (_, parts) = await _s.ReportAsync(23, ""","monitoringCriteria":["DeltaMonitoring","PeriodicMonitoring"]""");
        var types = MonitoringStation.Monitors(parts).Select(m => m.Monitor.GetProperty("type").GetString()).ToHashSet();
        Assert.Subset(new HashSet<string?> { "Delta", "Periodic", "PeriodicClockAligned" }, types);
        Assert.Contains("PeriodicClockAligned", types);
    }

    [Fact]
    public async Task TC_N_02_CS()
    {
        var (status, parts) = await _s.ReportAsync(31, ""","componentVariable":[{"component":{"name":"ChargingStation"},"variable":{"name":"AvailabilityState"}},{"component":{"name":"EVSE","evse":{"id":1}}}]""");
        Assert.Equal("Accepted", status);
        var monitors = MonitoringStation.Monitors(parts);
        Assert.Contains(monitors, m => m.Variable == "ChargingStation/AvailabilityState" && m.Monitor.GetProperty("type").GetString() == "Delta");
        Assert.Contains(monitors, m => m.Variable == "EVSE@1/AvailabilityState" && m.Monitor.GetProperty("type").GetString() == "Delta");
        Assert.DoesNotContain(monitors, m => m.Variable.StartsWith("EVSE@2", StringComparison.Ordinal));
        Assert.All(monitors, m => Assert.True(m.Variable.StartsWith("ChargingStation/", StringComparison.Ordinal) || m.Variable.StartsWith("EVSE@1/", StringComparison.Ordinal), m.Variable));
    }

    [Fact]
    public async Task TC_N_03_CS()
    {
        const string Both = ""","componentVariable":[{"component":{"name":"ChargingStation"},"variable":{"name":"AvailabilityState"}},{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"}}]""";
        var (status, _) = await _s.ReportAsync(41, Both + ""","monitoringCriteria":["ThresholdMonitoring"]""");
        Assert.Equal("EmptyResultSet", status);

        (status, var parts) = await _s.ReportAsync(42, Both + ""","monitoringCriteria":["DeltaMonitoring"]""");
        Assert.Equal("Accepted", status);
        Assert.Equal(["ChargingStation/AvailabilityState", "EVSE@1/AvailabilityState"], MonitoringStation.Monitors(parts).Select(m => m.Variable).Order());
    }

    [Fact]
    public async Task TC_N_47_CS()
    {
        var custom = await _s.AddMonitorAsync(Power("UpperThreshold", 7000));
        var (status, parts) = await _s.ReportAsync(51);
        Assert.Equal("Accepted", status);
        AssertParts(parts, 51);
        var monitors = MonitoringStation.Monitors(parts);
        Assert.Equal(_s.Module.Engine.ActiveMonitors.Count, monitors.Count);
        Assert.Contains(monitors, m => m.Monitor.GetProperty("id").GetInt32() == custom && m.Monitor.GetProperty("eventNotificationType").GetString() == "CustomMonitor");
        Assert.Contains(monitors, m => m.Monitor.GetProperty("eventNotificationType").GetString() == "HardWiredMonitor");
        Assert.Contains(monitors, m => m.Monitor.GetProperty("eventNotificationType").GetString() == "PreconfiguredMonitor");
        Assert.True(parts.Count > 1, "more monitored variables than ItemsPerMessage: the report is split");
    }

    [Fact]
    public async Task TC_N_05_CS()
    {
        foreach (var monitoringBase in new[] { "HardWiredOnly", "FactoryDefault", "All" })
        {
            var reply = await _s.H.Session.CallAsync("SetMonitoringBase", $$"""{"monitoringBase":"{{monitoringBase}}"}""");
            Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
            Assert.Equal(monitoringBase, _s.H.Model.GetValue(ChargerController.Station.DeviceModel.VariableKey.Of("MonitoringCtrlr", "ActiveMonitoringBase")));
        }
    }

    [Fact]
    public async Task TC_N_06_CS()
    {
        var custom = await _s.AddMonitorAsync(Power("UpperThreshold", 7000));
        await _s.H.Session.CallAsync("SetMonitoringBase", """{"monitoringBase":"HardWiredOnly"}""");
        var (_, parts) = await _s.ReportAsync(61);
        var monitors = MonitoringStation.Monitors(parts);
        Assert.All(monitors, m => Assert.Equal("HardWiredMonitor", m.Monitor.GetProperty("eventNotificationType").GetString()));
        Assert.DoesNotContain(monitors, m => m.Monitor.GetProperty("id").GetInt32() == custom);

        await _s.H.Session.CallAsync("SetMonitoringBase", """{"monitoringBase":"All"}""");
        (_, parts) = await _s.ReportAsync(62);
        Assert.Contains(MonitoringStation.Monitors(parts), m => m.Monitor.GetProperty("eventNotificationType").GetString() == "PreconfiguredMonitor");
        Assert.DoesNotContain(MonitoringStation.Monitors(parts), m => m.Monitor.GetProperty("id").GetInt32() == custom);
    }

    [Fact]
    public async Task TC_N_41_CS()
    {
        // A preconfigured monitor replaced by the CSMS becomes custom (N04.FR.15); FactoryDefault restores it (N03.FR.04).
        var preconfigured = _s.Module.Engine.ActiveMonitors.First(m => m.Origin == ChargerController.Station.Monitoring.MonitorOrigin.Preconfigured && m.Key.Component == "EVSE");
        var replaced = (await _s.SetMonitoringAsync(Item("Delta", 1, 3, "EVSE", "AvailabilityState", evse: preconfigured.Key.EvseId, id: preconfigured.Id))).Single();
        Assert.Equal("Accepted", replaced.GetProperty("status").GetString());
        var (_, parts) = await _s.ReportAsync(71, ""","componentVariable":[{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"}}]""");
        var monitor = MonitoringStation.Monitors(parts).Single().Monitor;
        Assert.Equal(("CustomMonitor", 3), (monitor.GetProperty("eventNotificationType").GetString(), monitor.GetProperty("severity").GetInt32()));

        await _s.H.Session.CallAsync("SetMonitoringBase", """{"monitoringBase":"FactoryDefault"}""");
        (_, parts) = await _s.ReportAsync(72, ""","componentVariable":[{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"}}]""");
        monitor = MonitoringStation.Monitors(parts).Single().Monitor;
        Assert.Equal(("PreconfiguredMonitor", 8, preconfigured.Id), (monitor.GetProperty("eventNotificationType").GetString(), monitor.GetProperty("severity").GetInt32(), monitor.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task TC_N_16_CS()
    {
        var reply = await _s.H.Session.CallAsync("SetMonitoringLevel", """{"severity":7}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(7, _s.H.Model.GetInt("MonitoringCtrlr", "ActiveMonitoringLevel", -1));

        // The AvailabilityState monitors have severity 8: a plug-in is reported by StatusNotification only.
        _s.H.Connectors.Set(1, ChargerController.Station.Evse.ConnectorStatus.Occupied);
        await _s.H.WaitForCallsAsync("StatusNotification", 3);
        await MonitoringStation.SettleAsync();
        Assert.Empty(_s.Events());
    }

    [Fact]
    public async Task TC_N_17_CS()
    {
        foreach (var severity in new[] { -1, 10 })
        {
            var reply = await _s.H.Session.CallAsync("SetMonitoringLevel", $$"""{"severity":{{severity}}}""");
            var status = reply[0].GetInt32() == 3 ? reply[2].GetProperty("status").GetString() : reply[2].GetString();

            // The station answers Rejected (N05.FR.02); a schema-validating engine may refuse with a CALLERROR first.
            Assert.Contains(status, new[] { "Rejected", "PropertyConstraintViolation", "OccurrenceConstraintViolation", "FormatViolation" });
        }

        Assert.Equal(9, _s.H.Model.GetInt("MonitoringCtrlr", "ActiveMonitoringLevel", -1));
    }

    [Fact]
    public async Task TC_N_18_CS()
    {
        var id = await _s.AddMonitorAsync(Power("UpperThreshold", 7000));
        var reply = await _s.H.Session.CallAsync("ClearVariableMonitoring", $$"""{"id":[{{id}}]}""");
        var result = reply[2].GetProperty("clearMonitoringResult")[0];
        Assert.Equal(("Accepted", id), (result.GetProperty("status").GetString(), result.GetProperty("id").GetInt32()));
        var (status, _) = await _s.ReportAsync(81, ""","monitoringCriteria":["ThresholdMonitoring"]""");
        Assert.Equal("EmptyResultSet", status);
    }

    [Fact]
    public async Task TC_N_19_CS()
    {
        var reply = await _s.H.Session.CallAsync("ClearVariableMonitoring", """{"id":[4711]}""");
        Assert.Equal("NotFound", reply[2].GetProperty("clearMonitoringResult")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_N_44_CS()
    {
        var hardWired = _s.Module.Engine.ActiveMonitors.First(m => m.Origin == ChargerController.Station.Monitoring.MonitorOrigin.HardWired).Id;
        var custom = await _s.AddMonitorAsync(Heartbeat("Delta", 5));
        var reply = await _s.H.Session.CallAsync("ClearVariableMonitoring", $$"""{"id":[{{hardWired}},{{custom}}]}""");
        var results = reply[2].GetProperty("clearMonitoringResult").EnumerateArray().ToList();
        Assert.Equal(["Rejected", "Accepted"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.NotNull(_s.Module.Engine.FindActive(hardWired));
    }

    private static void AssertParts(List<System.Text.Json.JsonElement> parts, int requestId)
    {
        // N02.FR.04/09: same requestId, seqNo 0, 1, …, tbc on all but the last; N02.FR.22: eventNotificationType on each monitor.
        Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(p => p.GetProperty("seqNo").GetInt32()).Order());
        Assert.All(parts, p => Assert.Equal(requestId, p.GetProperty("requestId").GetInt32()));
        Assert.All(MonitoringStation.Monitors(parts), m => Assert.True(m.Monitor.TryGetProperty("eventNotificationType", out _)));
    }
}
