using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Reservations;
using ChargerController.Storage;
using ChargerController.Storage.DeviceModel;
using ChargerController.Storage.Reservations;
using Microsoft.Data.Sqlite;

namespace ChargerController.Station.Tests.Conformance.Reservations;

/// <summary>Reservations across reset and power loss, with the SQLite database closed and reopened by each start.</summary>
public sealed class ReservationRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-resv-rt-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public async Task TC_B_24_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(11, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");

        Assert.Equal("Accepted", (await s.H.Session.CallAsync("Reset", """{"type":"OnIdle"}"""))[2].GetProperty("status").GetString());
        Assert.Equal(BootReasonEnumType.RemoteReset, await s.H.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10)));
        await s.H.RestartAsync(BootReasonEnumType.RemoteReset);

        // After the reboot every connector is reported: the reserved one Reserved, the other Available.
        await s.H.WaitForCallsAsync("StatusNotification", 2);
        Assert.Equal("RemoteReset", s.H.Calls("BootNotification").Single().GetProperty("reason").GetString());
        Assert.Equal(["Reserved"], s.StatusesOf(1));
        Assert.Equal(["Available"], s.StatusesOf(2));
        Assert.Equal([11], s.Manager.Reservations.Select(r => r.Id));
        Assert.False(s.Gate.Check(1, ReservationStation.Token("TOKEN2"), null).Allowed);
        Assert.Equal(11, s.Gate.Check(1, ReservationStation.Token("TOKEN1"), null).ReservationId);
    }

    [Fact]
    public async Task PowerLoss_ReservationExpiredWhileDown_ExpiredSentAfterBoot()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(12, "TOKEN1", evseId: 2, expirySeconds: 120));
        await s.WaitStatusAsync(2, "Reserved");

        // Power cut: the block stops with the process; the expiry passes while the station is off.
        await s.H.Runtime.DisposeAsync();
        await s.Manager.DisposeAsync();
        await s.AdvanceAsync(TimeSpan.FromSeconds(300));
        await s.H.RestartAsync(BootReasonEnumType.PowerUp);

        await s.WaitUpdateAsync(12, "Expired");
        await s.H.WaitForCallsAsync("StatusNotification", 2);
        Assert.Equal(["Available"], s.StatusesOf(2));
        Assert.Empty(s.Manager.Reservations);
        Assert.Empty(new SqliteReservationStore(new StationDatabase(DbPath)).LoadAll());
    }

    [Fact]
    public async Task PowerLoss_ReservationStillValid_ExpiresOnTimeAfterBoot()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(13, "TOKEN1", evseId: 1, expirySeconds: 600));
        await s.H.Runtime.DisposeAsync();
        await s.Manager.DisposeAsync();
        await s.AdvanceAsync(TimeSpan.FromSeconds(300));
        await s.H.RestartAsync(BootReasonEnumType.PowerUp);
        await s.WaitStatusAsync(1, "Reserved");

        // The boot report must be over before the clock jumps: EVSE 2's StatusNotification follows EVSE 1's answer, and a
        // jump while it is in flight would time it out (MessageTimeout) and hold the Expired update behind it.
        await s.H.WaitForCallsAsync("StatusNotification", 2);
        await s.AdvanceAsync(TimeSpan.FromSeconds(300));
        await s.WaitUpdateAsync(13, "Expired");
        await s.WaitStatusAsync(1, "Available");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<ReservationStation> StartAsync() =>
        ReservationStation.StartAsync(
            store: () => new SqliteReservationStore(new StationDatabase(DbPath)),
            deviceModel: new SqliteDeviceModelStore(new StationDatabase(DbPath)));
}
