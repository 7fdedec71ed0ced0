using ChargerController.Ocpp.Enums;
using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Availability;

/// <summary>Status after an offline period (B04) and availability across a reboot (G03.FR.08, G04.FR.09).</summary>
public sealed class OfflineAndRestartTests
{
    [Fact]
    public async Task TC_B_51_CS()
    {
        // Offline longer than OfflineThreshold (300 s): every connector is reported after reconnect (B04.FR.01).
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        await h.WaitForCallsAsync("StatusNotification", 2);
        h.Csms.RefuseConnections(int.MaxValue);
        h.Session.Abort();
        await h.AdvanceUntilAsync(() => !h.Runtime.IsConnected, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        h.Connectors.Set(1, ConnectorStatus.Occupied);
        h.Time.Advance(TimeSpan.FromSeconds(301));
        h.Csms.AcceptConnections();
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(600));
        await h.WaitForCallsAsync("StatusNotification", 2);
        var statuses = h.Calls("StatusNotification");
        Assert.Equal([1, 2], statuses.Select(s => s.GetProperty("evseId").GetInt32()).Order());
        Assert.Contains(statuses, s => s.GetProperty("evseId").GetInt32() == 1 && s.GetProperty("connectorStatus").GetString() == "Occupied");
        Assert.Empty(h.Calls("BootNotification"));
    }

    [Fact]
    public async Task TC_B_52_CS()
    {
        // Offline shorter than OfflineThreshold: only the connector that changed is reported (B04.FR.02).
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        await h.WaitForCallsAsync("StatusNotification", 2);

        // The CALLRESULTs must have reached the station first: an unconfirmed report counts as not reported. A triggered
        // StatusNotification (F06.FR.12) waits for the boot report to finish, which ends only after the last
        // CALLRESULT was processed, so its arrival proves both reports are confirmed (a fixed sleep did not, under load).
        Assert.Equal("Accepted", (await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"StatusNotification","evse":{"id":2,"connectorId":1}}"""))[2].GetProperty("status").GetString());
        await h.WaitForCallsAsync("StatusNotification", 3);
        h.Session.Abort();
        await h.AdvanceUntilAsync(() => !h.Runtime.IsConnected, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        h.Connectors.Set(1, ConnectorStatus.Occupied);
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var status = await h.WaitForCallsAsync("StatusNotification", 1);
        Assert.Equal(("Occupied", 1), (status.GetProperty("connectorStatus").GetString(), status.GetProperty("evseId").GetInt32()));
        await Task.Delay(100);
        Assert.True(h.Calls("StatusNotification").Count == 1, string.Join(" | ", h.Calls("StatusNotification").Select(c => c.GetRawText())) + " sessions " + h.Csms.Sessions.Count);
    }

    [Fact]
    public async Task TC_G_18_CS() => await PersistsAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}""", [1]);

    [Fact]
    public async Task TC_G_19_CS() => await PersistsAsync("""{"evse":{"id":2,"connectorId":1},"operationalStatus":"Inoperative"}""", [2]);

    [Fact]
    public async Task TC_G_21_CS() => await PersistsAsync("""{"operationalStatus":"Inoperative"}""", [1, 2]);

    [Fact]
    public async Task TC_B_23_CS() => await PersistsAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}""", [1], viaReset: true);

    private static async Task PersistsAsync(string change, int[] unavailableEvses, bool viaReset = false)
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        var reply = await h.Session.CallAsync("ChangeAvailability", change);
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        if (viaReset)
        {
            Assert.Equal("Accepted", (await h.Session.CallAsync("Reset", """{"type":"OnIdle"}"""))[2].GetProperty("status").GetString());
            await h.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10));
        }

        await h.RestartAsync(viaReset ? BootReasonEnumType.RemoteReset : BootReasonEnumType.PowerUp);
        await h.WaitForCallsAsync("StatusNotification", 2);
        foreach (var s in h.Calls("StatusNotification"))
        {
            var expected = unavailableEvses.Contains(s.GetProperty("evseId").GetInt32()) ? "Unavailable" : "Available";
            Assert.Equal(expected, s.GetProperty("connectorStatus").GetString());
        }

        Assert.Equal(unavailableEvses.Contains(1), !h.Connectors.Operative[1]);
    }
}
