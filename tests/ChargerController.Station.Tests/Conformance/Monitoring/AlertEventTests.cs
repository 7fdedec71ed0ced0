using System.Text.Json;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Safety;
using static ChargerController.Station.Tests.Conformance.Monitoring.MonitorJson;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>Alert and periodic events (N07, N08) and the G01 NotifyEvent AvailabilityState reporting.</summary>
public sealed class AlertEventTests : IAsyncLifetime
{
    private static readonly VariableKey Power1 = new("EVSE", null, 1, null, "Power", null);
    private MonitoringStation _s = null!;

    public async Task InitializeAsync() => _s = await MonitoringStation.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TC_N_20_CS()
    {
        var id = await _s.AddMonitorAsync(Power("UpperThreshold", 7000));
        _s.H.Model.SetByStation(Power1, "7000");
        _s.H.Model.SetByStation(Power1, "7400.5");
        var alert = await _s.WaitEventAsync(e => Monitor(e) == id);
        Assert.Equal(("Alerting", "7400.5", "CustomMonitor", 4), (alert.GetProperty("trigger").GetString(), alert.GetProperty("actualValue").GetString(), alert.GetProperty("eventNotificationType").GetString(), alert.GetProperty("severity").GetInt32()));
        Assert.False(alert.TryGetProperty("cleared", out _));
        Assert.Equal("EVSE@1/Power", MonitoringStation.Name(alert));
        Assert.Equal(0, _s.H.Calls("NotifyEvent")[0].GetProperty("seqNo").GetInt32());

        // N07.FR.02: back within bounds → cleared.
        _s.H.Model.SetByStation(Power1, "6900");
        var cleared = await _s.WaitEventAsync(e => Monitor(e) == id && e.TryGetProperty("cleared", out var c) && c.GetBoolean());
        Assert.Equal("6900", cleared.GetProperty("actualValue").GetString());
        Assert.NotEqual(alert.GetProperty("eventId").GetInt32(), cleared.GetProperty("eventId").GetInt32());
    }

    [Fact]
    public async Task TC_N_21_CS()
    {
        var at = _s.H.Time.GetUtcNow();
        _s.Feed.Raise(new EvseFaultRaised(1, at, new Fault(FaultKind.MeterFailure, "meter silent for 10 s", at)));
        var raised = await _s.WaitEventAsync(e => MonitoringStation.Is(e, "ControlMetering@1/Problem"));
        Assert.Equal(("HardWiredMonitor", "Alerting", "true", "MeterFailure", "meter silent for 10 s"), (raised.GetProperty("eventNotificationType").GetString(), raised.GetProperty("trigger").GetString(), raised.GetProperty("actualValue").GetString(), raised.GetProperty("techCode").GetString(), raised.GetProperty("techInfo").GetString()));
        Assert.Equal(3, raised.GetProperty("severity").GetInt32());
        Assert.Equal("true", _s.H.Model.GetValue(new VariableKey("ControlMetering", null, 1, null, "Problem", null)));

        _s.Feed.Raise(new EvseFaultCleared(1, at, new Fault(FaultKind.MeterFailure, "meter answers again", at)));
        var cleared = await _s.WaitEventAsync(e => MonitoringStation.Is(e, "ControlMetering@1/Problem") && e.TryGetProperty("cleared", out var c) && c.GetBoolean());
        Assert.Equal("false", cleared.GetProperty("actualValue").GetString());
        Assert.Equal("false", _s.H.Model.GetValue(new VariableKey("ControlMetering", null, 1, null, "Problem", null)));
    }

    [Fact]
    public async Task TC_N_22_CS()
    {
        // OfflineQueuingSeverity 8 ≥ the severities involved: events raised while offline are queued and delivered.
        await SetVariableAsync("MonitoringCtrlr", "OfflineQueuingSeverity", "8");
        await GoOfflineAsync();
        var at = _s.H.Time.GetUtcNow();
        _s.Feed.Raise(new EvseFaultRaised(1, at, new Fault(FaultKind.ConnectorLockFailure, "lock did not engage", at)));
        _s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        await ReconnectAsync();

        await _s.WaitEventAsync(e => MonitoringStation.Is(e, "ConnectorPlugRetentionLock@1/Problem"));
        var evse = await _s.WaitEventAsync(e => MonitoringStation.Is(e, "EVSE@1/AvailabilityState"));
        Assert.Equal(("Delta", "Occupied"), (evse.GetProperty("trigger").GetString(), evse.GetProperty("actualValue").GetString()));
    }

    [Fact]
    public async Task TC_N_23_CS()
    {
        // OfflineQueuingSeverity 0: only Danger events survive an offline period.
        await SetVariableAsync("MonitoringCtrlr", "OfflineQueuingSeverity", "0");
        await GoOfflineAsync();
        var at = _s.H.Time.GetUtcNow();
        _s.Feed.Raise(new EvseFaultRaised(1, at, new Fault(FaultKind.MeterFailure, "meter silent", at)));
        _s.Feed.Raise(new EvseFaultRaised(2, at, new Fault(FaultKind.RcdTripped, "6 mA DC", at)));
        await ReconnectAsync();

        await _s.WaitEventAsync(e => MonitoringStation.Is(e, "RCD@2/Tripped"));
        await MonitoringStation.SettleAsync();
        Assert.DoesNotContain(_s.Events(), e => MonitoringStation.Is(e, "ControlMetering@1/Problem"));
    }

    [Fact]
    public async Task TC_N_24_CS()
    {
        var id = await _s.AddMonitorAsync(Item("Periodic", 60, 7, "EVSE", "AvailabilityState", evse: 1));
        var first = await _s.WaitEventAsync(e => Monitor(e) == id, TimeSpan.FromSeconds(5));
        Assert.Equal(("Periodic", "Available"), (first.GetProperty("trigger").GetString(), first.GetProperty("actualValue").GetString()));
        var firstAt = first.GetProperty("timestamp").GetDateTimeOffset();
        var second = await _s.WaitEventAsync(e => Monitor(e) == id && e.GetProperty("eventId").GetInt32() != first.GetProperty("eventId").GetInt32(), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(60), second.GetProperty("timestamp").GetDateTimeOffset() - firstAt);
    }

    [Fact]
    public async Task N08_FR_07_PeriodicClockAligned_FiresOnTheAlignedInstants()
    {
        // The harness clock starts at 12:00:00; after a 7 s offset the next 900 s boundary is 12:15:00.
        _s.H.Time.Advance(TimeSpan.FromSeconds(7));
        var id = await _s.AddMonitorAsync(Item("PeriodicClockAligned", 900, 7, "EVSE", "AvailabilityState", evse: 2));
        var first = await _s.WaitEventAsync(e => Monitor(e) == id, TimeSpan.FromSeconds(10));
        var at = first.GetProperty("timestamp").GetDateTimeOffset();
        Assert.Equal((15, 0), (at.Minute, at.Second));
    }

    [Fact]
    public async Task TC_N_45_CS()
    {
        var id = await _s.AddMonitorAsync(Heartbeat("Delta", 10));
        await SetVariableAsync("OCPPCommCtrlr", "HeartbeatInterval", "305");
        await SetVariableAsync("OCPPCommCtrlr", "HeartbeatInterval", "320");
        var delta = await _s.WaitEventAsync(e => Monitor(e) == id);
        Assert.Equal(("Delta", "320"), (delta.GetProperty("trigger").GetString(), delta.GetProperty("actualValue").GetString()));
        Assert.Single(_s.Events(), e => Monitor(e) == id);
    }

    [Fact]
    public async Task TC_N_48_CS()
    {
        var id = await _s.AddMonitorAsync(Item("Delta", 1, 5, "SecurityCtrlr", "BasicAuthPassword"));
        await SetVariableAsync("SecurityCtrlr", "BasicAuthPassword", "fedcba9876543210", expected: "Accepted");
        var e = await _s.WaitEventAsync(e => Monitor(e) == id);

        // N07.FR.10: a write-only variable's value is never revealed.
        Assert.Equal(string.Empty, e.GetProperty("actualValue").GetString());
    }

    [Fact]
    public async Task TC_N_51_CS()
    {
        var id = await _s.AddMonitorAsync(Power("UpperThreshold", 7000));
        _s.H.Model.SetByStation(Power1, "7500");
        await _s.WaitEventAsync(e => Monitor(e) == id);

        // N07.FR.11: the new threshold clears the old one → cleared; a lower one exceeded again → alert.
        await _s.SetMonitoringAsync(Power("UpperThreshold", 8000, id: id));
        await _s.WaitEventAsync(e => Monitor(e) == id && IsCleared(e));
        await _s.SetMonitoringAsync(Power("UpperThreshold", 7200, id: id));
        await _s.WaitEventAsync(e => Monitor(e) == id && !IsCleared(e) && e.GetProperty("eventId").GetInt32() > _s.Events().First(x => Monitor(x) == id).GetProperty("eventId").GetInt32());
        Assert.Equal(3, _s.Events().Count(e => Monitor(e) == id));
    }

    [Fact]
    public async Task TC_N_52_CS()
    {
        var id = await _s.AddMonitorAsync(Power("UpperThreshold", 7000));
        _s.H.Model.SetByStation(Power1, "7500");
        await _s.WaitEventAsync(e => Monitor(e) == id);
        var reply = await _s.H.Session.CallAsync("ClearVariableMonitoring", $$"""{"id":[{{id}}]}""");
        Assert.Equal("Accepted", reply[2].GetProperty("clearMonitoringResult")[0].GetProperty("status").GetString());
        var (status, _) = await _s.ReportAsync(91, ""","componentVariable":[{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}}],"monitoringCriteria":["ThresholdMonitoring"]""");
        Assert.Equal("EmptyResultSet", status);

        // N07.FR.12: no cleared event for a removed monitor.
        _s.H.Model.SetByStation(Power1, "100");
        await MonitoringStation.SettleAsync();
        Assert.Single(_s.Events(), e => Monitor(e) == id);
    }

    [Fact]
    public async Task TC_N_56_CS()
    {
        var id = await _s.AddMonitorAsync(Item("Delta", 1, 5, "EVSE", "AvailabilityState", evse: 2));
        _s.H.Connectors.Set(2, ConnectorStatus.Occupied);
        var e = await _s.WaitEventAsync(e => Monitor(e) == id);
        Assert.Equal(("Delta", "Occupied", "CustomMonitor"), (e.GetProperty("trigger").GetString(), e.GetProperty("actualValue").GetString(), e.GetProperty("eventNotificationType").GetString()));
    }

    [Fact]
    public async Task TC_N_104_CS()
    {
        // N07.FR.22: TargetDelta needs a Target; the smart-charging set point would publish it.
        _s.Module.Engine.SetTarget(Power1, "7000");
        _s.H.Model.SetByStation(Power1, "7000");
        var id = await _s.AddMonitorAsync(Power("TargetDelta", 500));
        _s.H.Model.SetByStation(Power1, "7400");
        _s.H.Model.SetByStation(Power1, "7600");
        var alert = await _s.WaitEventAsync(e => Monitor(e) == id);
        Assert.Equal(("Alerting", "7600"), (alert.GetProperty("trigger").GetString(), alert.GetProperty("actualValue").GetString()));
        _s.H.Model.SetByStation(Power1, "6800");
        await _s.WaitEventAsync(e => Monitor(e) == id && IsCleared(e));

        var (_, parts) = await _s.ReportAsync(92, ""","monitoringCriteria":["DeltaMonitoring"]""");
        Assert.Contains(MonitoringStation.Monitors(parts), m => m.Monitor.GetProperty("id").GetInt32() == id && m.Monitor.GetProperty("type").GetString() == "TargetDelta");
    }

    [Fact]
    public async Task G01_FR_03_FR_04_ConnectorAvailabilityState_ReportedWithNotifyEventDelta()
    {
        _s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        var occupied = await _s.WaitEventAsync(e => MonitoringStation.Is(e, "Connector@1/AvailabilityState"));
        Assert.Equal(("Delta", "Occupied", "PreconfiguredMonitor"), (occupied.GetProperty("trigger").GetString(), occupied.GetProperty("actualValue").GetString(), occupied.GetProperty("eventNotificationType").GetString()));
        Assert.Equal(1, occupied.GetProperty("component").GetProperty("evse").GetProperty("connectorId").GetInt32());

        _s.H.Connectors.Set(1, ConnectorStatus.Available);
        await _s.WaitEventAsync(e => MonitoringStation.Is(e, "Connector@1/AvailabilityState") && e.GetProperty("actualValue").GetString() == "Available");

        // StatusNotification keeps flowing for CSMSs that use it (G01 alternative scenario).
        Assert.Contains(_s.H.Calls("StatusNotification"), s => s.GetProperty("connectorStatus").GetString() == "Occupied");
    }

    private static int? Monitor(JsonElement e) => e.TryGetProperty("variableMonitoringId", out var id) ? id.GetInt32() : null;

    private static bool IsCleared(JsonElement e) => e.TryGetProperty("cleared", out var c) && c.GetBoolean();

    private async Task SetVariableAsync(string component, string variable, string value, string expected = "Accepted")
    {
        var reply = await _s.H.Session.CallAsync("SetVariables", $$$"""{"setVariableData":[{"attributeValue":"{{{value}}}","component":{"name":"{{{component}}}"},"variable":{"name":"{{{variable}}}"}}]}""");
        Assert.Equal(expected, reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    private async Task GoOfflineAsync()
    {
        await MonitoringStation.SettleAsync();
        _s.H.Csms.RefuseConnections(int.MaxValue);
        _s.H.Session.Abort();
        await _s.H.AdvanceUntilAsync(() => !_s.H.Runtime.IsConnected, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }

    private async Task ReconnectAsync()
    {
        var sessions = _s.H.Csms.Sessions.Count;
        _s.H.Csms.AcceptConnections();
        await _s.H.AdvanceUntilAsync(() => _s.H.Csms.Sessions.Count > sessions, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(600));
    }
}
