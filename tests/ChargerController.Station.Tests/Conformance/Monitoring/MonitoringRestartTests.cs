using System.Text.Json;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Storage;
using ChargerController.Storage.DeviceModel;
using ChargerController.Storage.Monitoring;
using static ChargerController.Station.Tests.Conformance.Monitoring.MonitorJson;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>Monitors, monitoring level and threshold states survive a reboot with the SQLite database reopened (N07.FR.13/14).</summary>
public sealed class MonitoringRestartTests : IDisposable
{
    private static readonly VariableKey Power1 = new("EVSE", null, 1, null, "Power", null);
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-mon-restart-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public async Task TC_N_53_CS()
    {
        await using var s = await StartAsync();
        var id = await s.AddMonitorAsync(Power("UpperThreshold", 7000));
        await s.H.Session.CallAsync("SetMonitoringLevel", """{"severity":5}""");
        await s.H.Session.CallAsync("SetMonitoringBase", """{"monitoringBase":"All"}""");

        await s.H.RestartAsync(BootReasonEnumType.PowerUp);

        var (status, parts) = await s.ReportAsync(101, ""","monitoringCriteria":["ThresholdMonitoring"]""");
        Assert.Equal("Accepted", status);
        var monitor = Assert.Single(MonitoringStation.Monitors(parts)).Monitor;
        Assert.Equal((id, "UpperThreshold", 7000m), (monitor.GetProperty("id").GetInt32(), monitor.GetProperty("type").GetString(), monitor.GetProperty("value").GetDecimal()));
        Assert.Equal(5, s.H.Model.GetInt("MonitoringCtrlr", "ActiveMonitoringLevel", -1));

        // The restored monitor still triggers.
        s.H.Model.SetByStation(Power1, "7500");
        await s.WaitEventAsync(e => e.TryGetProperty("variableMonitoringId", out var m) && m.GetInt32() == id);
    }

    [Fact]
    public async Task N07_FR_14_ThresholdExceededBeforeReboot_ClearedAfterRebootWhenBackWithinBounds()
    {
        await using var s = await StartAsync();
        var id = await s.AddMonitorAsync(Power("UpperThreshold", 7000));
        s.H.Model.SetByStation(Power1, "7500");
        await s.WaitEventAsync(e => Monitor(e) == id);

        // EVSE.Power is not persistent: after the reboot it reads 0 W, back below the threshold.
        await s.H.RestartAsync(BootReasonEnumType.PowerUp);
        var cleared = await s.WaitEventAsync(e => Monitor(e) == id);
        Assert.True(cleared.GetProperty("cleared").GetBoolean());
        Assert.Equal("0", cleared.GetProperty("actualValue").GetString());
    }

    [Fact]
    public async Task ClearedPreconfiguredMonitor_StaysClearedAfterReboot_UntilSetMonitoringBaseAll()
    {
        await using var s = await StartAsync();
        var preconfigured = s.Module.Engine.ActiveMonitors.First(m => m.Origin == Station.Monitoring.MonitorOrigin.Preconfigured).Id;
        await s.H.Session.CallAsync("ClearVariableMonitoring", $$"""{"id":[{{preconfigured}}]}""");

        await s.H.RestartAsync(BootReasonEnumType.PowerUp);
        Assert.Null(s.Module.Engine.FindActive(preconfigured));

        await s.H.Session.CallAsync("SetMonitoringBase", """{"monitoringBase":"All"}""");
        Assert.NotNull(s.Module.Engine.FindActive(preconfigured));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static int? Monitor(JsonElement e) => e.TryGetProperty("variableMonitoringId", out var id) ? id.GetInt32() : null;

    private Task<MonitoringStation> StartAsync() =>
        MonitoringStation.StartAsync(() => new SqliteMonitorStore(new StationDatabase(DbPath)), new SqliteDeviceModelStore(new StationDatabase(DbPath)));
}
