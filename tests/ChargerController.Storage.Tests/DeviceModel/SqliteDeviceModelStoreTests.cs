using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Storage.DeviceModel;

namespace ChargerController.Storage.Tests.DeviceModel;

/// <summary>Device-model values survive a restart in the real SQLite file.</summary>
public sealed class SqliteDeviceModelStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-dm-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void SetVariables_ThenReopen_ValueAndInternalStateRestored()
    {
        var definitions = DeviceModelCatalog.Create(new StationIdentity());
        var first = new StationDeviceModel(definitions, new SqliteDeviceModelStore(new StationDatabase(DbPath)));
        Assert.Equal(SetVariableStatusEnumType.Accepted, first.TrySet(VariableKey.Of("OCPPCommCtrlr", "OfflineThreshold"), null, "42", out _));
        first.SetInternal("Availability/EVSE1", "Inoperative");
        first.TrySet(VariableKey.Of("OCPPCommCtrlr", "OfflineThreshold"), null, "43", out _);

        var reopened = new StationDeviceModel(definitions, new SqliteDeviceModelStore(new StationDatabase(DbPath)));
        Assert.Equal(43, reopened.GetInt("OCPPCommCtrlr", "OfflineThreshold", 0));
        Assert.Equal("Inoperative", reopened.GetInternal("Availability/EVSE1"));
    }

    [Fact]
    public void StoredValue_BeatsConfiguredValue_ConfiguredBeatsInitial()
    {
        var definitions = DeviceModelCatalog.Create(new StationIdentity());
        var configured = new Dictionary<string, string> { ["OCPPCommCtrlr/OfflineThreshold"] = "77", ["ocppcommctrlr/heartbeatinterval"] = "not-a-number" };
        var model = new StationDeviceModel(definitions, new SqliteDeviceModelStore(new StationDatabase(DbPath)), configured);
        Assert.Equal(77, model.GetInt("OCPPCommCtrlr", "OfflineThreshold", 0));
        Assert.Equal(300, model.GetInt("OCPPCommCtrlr", "HeartbeatInterval", 0));

        model.TrySet(VariableKey.Of("OCPPCommCtrlr", "OfflineThreshold"), null, "5", out _);
        var reopened = new StationDeviceModel(definitions, new SqliteDeviceModelStore(new StationDatabase(DbPath)), configured);
        Assert.Equal(5, reopened.GetInt("OCPPCommCtrlr", "OfflineThreshold", 0));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
