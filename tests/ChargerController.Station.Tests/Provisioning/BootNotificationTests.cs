using ChargerController.Ocpp.Enums;
using ChargerController.Station.Runtime;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Provisioning;

/// <summary>Block B boot sequence (B01-B03) against the loopback CSMS, OCA Part 6 scenarios.</summary>
public sealed class BootNotificationTests
{
    [Fact]
    public async Task TC_B_01_CS()
    {
        // Cold boot, Accepted: BootNotification(PowerUp), then StatusNotification per connector (B01.FR.05), then Heartbeat at the interval.
        await using var h = await StationHarness.StartAsync(interval: 60);
        await h.WaitAcceptedAsync();
        var boot = h.Calls("BootNotification")[0];
        Assert.Equal("PowerUp", boot.GetProperty("reason").GetString());
        Assert.Equal("ChargerController", boot.GetProperty("chargingStation").GetProperty("vendorName").GetString());

        await h.WaitForCallsAsync("StatusNotification", 2);
        var statuses = h.Calls("StatusNotification");
        Assert.Equal([1, 2], statuses.Select(s => s.GetProperty("evseId").GetInt32()).Order());
        Assert.All(statuses, s => Assert.Equal("Available", s.GetProperty("connectorStatus").GetString()));
        Assert.Equal("60", h.Model.GetValue(ChargerController.Station.DeviceModel.VariableKey.Of("OCPPCommCtrlr", "HeartbeatInterval")));

        await h.AdvanceUntilAsync(() => h.Calls("Heartbeat").Count >= 1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120));
        Assert.Equal(RegistrationState.Accepted, h.Runtime.Registration);
        Assert.Equal("ocpp2.1", h.Runtime.Subprotocol);
    }

    [Fact]
    public async Task TC_B_02_CS()
    {
        // Pending: nothing but BootNotification until accepted; the next BootNotification after `interval`; GetVariables is served meanwhile.
        await using var h = await StationHarness.StartAsync(bootStatus: "Pending", interval: 30);
        await h.AdvanceUntilAsync(() => h.Runtime.Registration == RegistrationState.Pending, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        var reply = await h.Session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""");
        Assert.Equal(3, reply[0].GetInt32());
        Assert.Empty(h.Calls("StatusNotification"));

        h.Csms.Respond("BootNotification", """{"currentTime":"2025-01-01T12:00:30Z","interval":300,"status":"Accepted"}""");
        await h.AdvanceUntilAsync(() => h.Calls("BootNotification").Count >= 2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
        await h.WaitAcceptedAsync();
        await h.WaitForCallsAsync("StatusNotification", 2);
        Assert.Equal(2, h.Calls("BootNotification").Count);
    }

    [Fact]
    public async Task TC_B_03_CS()
    {
        // Rejected: no message before `interval` has passed (B03.FR.02); then BootNotification again.
        await using var h = await StationHarness.StartAsync(bootStatus: "Rejected", interval: 20);
        await h.AdvanceUntilAsync(() => h.Runtime.Registration == RegistrationState.Rejected, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        h.Time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(100);
        Assert.Single(h.Calls("BootNotification"));
        Assert.Single(h.Session.FromStation);

        h.Csms.Respond("BootNotification", """{"currentTime":"2025-01-01T12:00:30Z","interval":300,"status":"Accepted"}""");
        await h.AdvanceUntilAsync(() => h.Calls("BootNotification").Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        await h.WaitAcceptedAsync();
    }

    [Theory]
    [InlineData("Pending")]
    [InlineData("Rejected")]
    public async Task TC_B_30_CS(string bootStatus)
    {
        // Pending/Rejected: a CSMS request the state does not allow is answered with CALLERROR SecurityError (B03.FR.08).
        await using var h = await StationHarness.StartAsync(bootStatus: bootStatus, interval: 300);
        await h.AdvanceUntilAsync(() => h.Runtime.Registration != RegistrationState.Unregistered, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        var reply = await h.Session.CallAsync("Reset", """{"type":"Immediate"}""");
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal("SecurityError", reply[2].GetString());
        Assert.False(h.ResetPort.Rebooted.IsCompleted);
    }

    [Fact]
    public async Task BootReason_FromOptions_IsReported()
    {
        await using var h = await StationHarness.StartAsync(reason: BootReasonEnumType.ScheduledReset);
        Assert.Equal("ScheduledReset", h.Calls("BootNotification")[0].GetProperty("reason").GetString());
    }
}
