using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Monitoring;
using ChargerController.Storage.Monitoring;

namespace ChargerController.Storage.Tests.Monitoring;

/// <summary>Variable monitors survive a restart in the real SQLite file (N07.FR.13).</summary>
public sealed class SqliteMonitorStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-mon-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void Save_ThenReopen_EveryFieldRestored()
    {
        var store = new SqliteMonitorStore(new StationDatabase(DbPath));
        var threshold = new VariableMonitor(1000, new VariableKey("EVSE", null, 1, null, "Power", null), MonitorEnumType.UpperThreshold, 7400.5m, 4, MonitorOrigin.Custom) { Transaction = true };
        var periodic = new VariableMonitor(1001, new VariableKey("Connector", "a", 2, 1, "AvailabilityState", "x"), MonitorEnumType.Periodic, 60, 8, MonitorOrigin.Custom) { Stream = new StreamParameters(30, null) };
        var tombstone = new VariableMonitor(12, VariableKey.Of("ChargingStation", "AvailabilityState"), MonitorEnumType.Delta, 1, 8, MonitorOrigin.Preconfigured) { Suppressed = true };
        store.Save(threshold);
        store.Save(periodic);
        store.Save(tombstone);

        var reopened = new SqliteMonitorStore(new StationDatabase(DbPath)).LoadAll();

        Assert.Equal([tombstone, threshold, periodic], reopened);
    }

    [Fact]
    public void SaveSameId_Replaces_DeleteAndDeleteAll_Remove()
    {
        var store = new SqliteMonitorStore(new StationDatabase(DbPath));
        var key = VariableKey.Of("OCPPCommCtrlr", "HeartbeatInterval");
        store.Save(new VariableMonitor(1000, key, MonitorEnumType.Delta, 5, 5, MonitorOrigin.Custom));
        store.Save(new VariableMonitor(1000, key, MonitorEnumType.Delta, 10, 6, MonitorOrigin.Custom));
        store.Save(new VariableMonitor(1001, key, MonitorEnumType.Periodic, 10, 7, MonitorOrigin.Custom));
        Assert.Equal([10m, 10m], store.LoadAll().Select(m => m.Value));
        Assert.Equal(6, store.LoadAll()[0].Severity);

        store.Delete(1000);
        Assert.Equal([1001], new SqliteMonitorStore(new StationDatabase(DbPath)).LoadAll().Select(m => m.Id));
        store.DeleteAll();
        Assert.Empty(new SqliteMonitorStore(new StationDatabase(DbPath)).LoadAll());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
