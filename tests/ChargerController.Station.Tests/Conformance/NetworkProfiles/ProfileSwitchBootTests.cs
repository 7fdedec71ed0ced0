using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>
/// B10.FR.10 (errata 2025-06): connected through another network connection profile without a reboot, the station sends a
/// BootNotification before anything else; reconnecting through the same profile it does not (B04).
/// </summary>
public sealed class ProfileSwitchBootTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task B10_FR_10_OtherSlotWithoutReboot_BootNotificationFirst_SameSlotNone()
    {
        await using var h = await StationHarness.StartAsync(store: new InMemoryDeviceModelStore(), setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password });
        NetworkProfileSetup.ScriptBoot(h, csms2);
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "1"));
        await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, csms2.Endpoint, 1));
        var priority = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));
        Assert.Equal("Accepted", priority[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        // The connection is lost: B10.FR.03 starts over with the first entry, slot 1 (another CSMS), without a reboot.
        h.Csms.DropCurrentSession();
        await h.AdvanceUntilAsync(() => csms2.Sessions.Count >= 1, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        var onSlot1 = await csms2.WaitForSessionAsync(1, Bound);
        var first = await onSlot1.WaitForFrameAsync(f => f.Direction == FrameDirection.FromStation, Bound);
        Assert.Equal("BootNotification", first.Action);
        await onSlot1.WaitForCallAsync("StatusNotification", Bound);
        Assert.Equal(RegistrationState.Accepted, h.Runtime.Registration);
        Assert.Equal("1", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile")));
        Assert.Single(onSlot1.FromStation, f => f.Action == "BootNotification");

        // The same slot again is a plain reconnect (B04): no BootNotification, the station talks at once.
        csms2.DropCurrentSession();
        await h.AdvanceUntilAsync(() => csms2.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        var again = await csms2.WaitForSessionAsync(2, Bound);
        var trigger = await again.CallAsync("TriggerMessage", """{"requestedMessage":"Heartbeat"}""", Bound);
        Assert.Equal("Accepted", trigger[2].GetProperty("status").GetString());
        await again.WaitForCallAsync("Heartbeat", Bound);
        Assert.DoesNotContain(again.FromStation, f => f.Action == "BootNotification");

        // Slot 1 becomes unreachable: falling back to slot 0 is another switch, so a BootNotification goes first there too.
        csms2.RefuseConnections(int.MaxValue);
        csms2.DropCurrentSession();
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        var back = await h.Csms.WaitForSessionAsync(2, Bound);
        var firstBack = await back.WaitForFrameAsync(f => f.Direction == FrameDirection.FromStation, Bound);
        Assert.Equal("BootNotification", firstBack.Action);
        await back.WaitForCallAsync("StatusNotification", Bound);
        Assert.Equal("0", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile")));
    }

    [Fact]
    public async Task B10_FR_10_NewCsmsAnswersPending_QueuedMessagesWaitForAccepted()
    {
        await using var h = await StationHarness.StartAsync(store: new InMemoryDeviceModelStore(), setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password });
        NetworkProfileSetup.ScriptBoot(h, csms2);
        csms2.Respond("BootNotification", _ => $$"""{"currentTime":"{{h.CsmsNow()}}","interval":60,"status":"Pending"}""");
        await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, csms2.Endpoint, 1));
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));

        h.Csms.DropCurrentSession();
        await h.AdvanceUntilAsync(() => csms2.Sessions.Count >= 1, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        var session = await csms2.WaitForSessionAsync(1, Bound);
        await session.WaitForCallAsync("BootNotification", Bound);
        await WaitForAsync(() => h.Runtime.Registration == RegistrationState.Pending);

        // A message queued while Pending stays queued (B02.FR.02) until a BootNotification is accepted.
        await h.Runtime.SecurityEvents.RaiseAsync("SettingSystemTime", "test", CancellationToken.None);
        var trigger = await session.CallAsync("TriggerMessage", """{"requestedMessage":"Heartbeat"}""", Bound);
        Assert.Equal("Accepted", trigger[2].GetProperty("status").GetString());
        await session.WaitForCallAsync("Heartbeat", Bound);
        Assert.DoesNotContain(session.FromStation, f => f.Action == "SecurityEventNotification");

        csms2.Respond("BootNotification", _ => $$"""{"currentTime":"{{h.CsmsNow()}}","interval":300,"status":"Accepted"}""");
        await h.AdvanceUntilAsync(() => h.Runtime.Registration == RegistrationState.Accepted, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(3));
        var sent = await session.WaitForFrameAsync(f => f.Action == "SecurityEventNotification" && f.Json!.Value[3].GetProperty("type").GetString() == "SettingSystemTime", Bound);
        Assert.True(sent.At >= session.FromStation.Last(f => f.Action == "BootNotification").At);
        Assert.Equal(2, session.FromStation.Count(f => f.Action == "BootNotification"));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
