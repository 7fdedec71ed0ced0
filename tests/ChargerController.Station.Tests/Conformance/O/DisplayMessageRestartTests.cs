using ChargerController.Ocpp.Enums;
using ChargerController.Storage;
using ChargerController.Storage.DeviceModel;
using ChargerController.Storage.DisplayMessages;
using Microsoft.Data.Sqlite;

namespace ChargerController.Station.Tests.Conformance.O;

/// <summary>Display messages across a reboot, with the SQLite station database closed and reopened by each start (O01.FR.10).</summary>
public sealed class DisplayMessageRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-display-rt-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public async Task TC_O_20_CS()
    {
        await using var s = await DisplayStation.StartAsync(
            store: () => new SqliteDisplayMessageStore(new StationDatabase(DbPath)),
            deviceModel: new SqliteDeviceModelStore(new StationDatabase(DbPath)));
        Assert.Equal("Accepted", await s.SetAsync(DisplayStation.Message(42, "InFront", "Maintenance on Monday", "ASCII")));

        // Reusable State Booted: a reboot; the new runtime reads the database again.
        await s.H.RestartAsync(BootReasonEnumType.PowerUp);
        Assert.Equal(42, s.ShownId);

        var (status, notifies) = await s.GetAsync("\"id\":[42]");
        Assert.Equal("Accepted", status);
        var info = Assert.Single(DisplayStation.Infos(notifies));
        Assert.Equal(42, info.GetProperty("id").GetInt32());
        Assert.Equal("InFront", info.GetProperty("priority").GetString());
        Assert.Equal("ASCII", info.GetProperty("message").GetProperty("format").GetString());
        Assert.Equal("Maintenance on Monday", info.GetProperty("message").GetProperty("content").GetString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
