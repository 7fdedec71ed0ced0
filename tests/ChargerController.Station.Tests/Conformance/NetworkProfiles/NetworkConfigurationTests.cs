using System.Text;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Testing.Csms;
using J = ChargerController.Station.Tests.Conformance.NetworkProfiles.NetworkConfigurationJson;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>
/// OCPP 2.1 network configuration through the device model (component NetworkConfiguration, B09.FR.08-35 with the
/// 2025-09 errata) over real WebSockets: the 2.1 "Set new NetworkConnectionProfile" test cases of Part 5.
/// </summary>
public sealed class NetworkConfigurationTests
{
    private const string NewPassword = "fedcba9876543210XYZ";

    [Fact]
    public async Task TC_B_100_CS()
    {
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NewPassword });
        NetworkProfileSetup.ScriptBoot(h, csms2);

        var profile = $$$"""{"configurationSlot":1,"connectionData":{"ocppVersion":"OCPP21","ocppInterface":"Wired0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"{{{csms2.Endpoint}}}","securityProfile":1,"identity":"CS001-B","basicAuthPassword":"{{{NewPassword}}}"}}""";
        var set = await h.Session.CallAsync("SetNetworkProfile", profile);
        Assert.Equal("Accepted", set[2].GetProperty("status").GetString());

        // B09.FR.09: the accepted profile shows in NetworkConfiguration[1]; the password stays unreadable (WriteOnly).
        Assert.Equal(csms2.Endpoint.ToString(), await J.ReadAsync(h.Session, 1, "OcppCsmsUrl"));
        Assert.Equal("CS001-B", await J.ReadAsync(h.Session, 1, "Identity"));
        Assert.Equal("1", await J.ReadAsync(h.Session, 1, "SecurityProfile"));
        Assert.Null(await J.ReadAsync(h.Session, 1, "BasicAuthPassword"));

        var priority = await h.Session.CallAsync("SetVariables", J.Priority("1,0"));
        var reset = await h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Accepted", J.Status(priority));
        Assert.Equal("Accepted", reset[2].GetProperty("status").GetString());

        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);
        var session = await csms2.WaitForSessionAsync();
        await session.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();

        // The new slot's identity is the URL path segment and the Basic-auth user, with the slot's own password.
        var attempt = csms2.Attempts[^1];
        Assert.Equal("CS001-B", attempt.StationId);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CS001-B:" + NewPassword)), attempt.Authorization);

        // B09.FR.28: the deprecated SecurityCtrlr.Identity follows the profile in use.
        var identity = await session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"SecurityCtrlr"},"variable":{"name":"Identity"}}]}""");
        Assert.Equal("CS001-B", identity[2].GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
    }

    [Fact]
    public async Task TC_B_105_CS()
    {
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password });
        NetworkProfileSetup.ScriptBoot(h, csms2);

        // B09 alternative scenario: slot 1 is not in NetworkConfigurationPriority, so its variables may be set (B09.FR.23/24).
        var set = await h.Session.CallAsync("SetVariables", J.SetSlot(1, csms2.Endpoint, 1));
        Assert.All(J.Results(set), r => Assert.Equal("Accepted", r.GetProperty("attributeStatus").GetString()));

        // B09.FR.33: the added slot holds a valid configuration.
        var priority = await h.Session.CallAsync("SetVariables", J.Priority("1,0"));
        Assert.Equal("Accepted", J.Status(priority));
        var reset = await h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Accepted", reset[2].GetProperty("status").GetString());

        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);
        var session = await csms2.WaitForSessionAsync();
        await session.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();

        Assert.Equal("1", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile")));
        Assert.Single(h.Csms.Sessions);
    }

    [Fact]
    public async Task TC_B_107_CS()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await h.Session.CallAsync("SetVariables", J.SetSlot(1, new Uri("ws://127.0.0.1:9/ocpp"), 1));

        // Adding a slot with a valid NetworkConfiguration (B09.FR.33), then removing it again (B09.FR.20).
        var add = await h.Session.CallAsync("SetVariables", J.Priority("0,1"));
        Assert.Equal("Accepted", J.Status(add));
        Assert.Equal([0, 1], NetworkProfileSetup.Manager(h).Order);
        var remove = await h.Session.CallAsync("SetVariables", J.Priority("0"));
        Assert.Equal("Accepted", J.Status(remove));
        Assert.Equal([0], NetworkProfileSetup.Manager(h).Order);

        // Adding a slot whose configuration is empty (slot 2) or inconsistent (profile 2 on ws://) is refused (B09.FR.34).
        var empty = await h.Session.CallAsync("SetVariables", J.Priority("0,2"));
        Assert.Equal("Rejected", J.Status(empty));
        Assert.Equal("InvalidNetworkConf", J.ReasonCode(empty));
        var toTwo = await h.Session.CallAsync("SetVariables", J.Set(1, "SecurityProfile", "2"));
        Assert.Equal("Accepted", J.Status(toTwo));
        var inconsistent = await h.Session.CallAsync("SetVariables", J.Priority("1,0"));
        Assert.Equal("Rejected", J.Status(inconsistent));
        Assert.Equal("InvalidNetworkConf", J.ReasonCode(inconsistent));
        Assert.Equal("0", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "NetworkConfigurationPriority")));

        // The connection in use never moved.
        Assert.Single(h.Csms.Sessions);
    }

    [Fact]
    public async Task TC_B_108_CS()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await h.Session.CallAsync("SetVariables", J.SetSlot(1, new Uri("ws://127.0.0.1:9/ocpp"), 1));
        await h.Session.CallAsync("SetVariables", J.Priority("0,1"));

        // B09.FR.22: slots listed in NetworkConfigurationPriority, and the one in use, are never overwritten.
        var listed = await h.Session.CallAsync("SetVariables", J.Set(1, "OcppCsmsUrl", "ws://10.0.0.9/ocpp"));
        var active = await h.Session.CallAsync("SetVariables", J.Set(0, "OcppCsmsUrl", "ws://10.0.0.9/ocpp"));

        Assert.Equal("Rejected", J.Status(listed));
        Assert.Equal("ActiveNetworkConf", J.ReasonCode(listed));
        Assert.Equal("Rejected", J.Status(active));
        Assert.Equal("ActiveNetworkConf", J.ReasonCode(active));
        Assert.Equal("ws://127.0.0.1:9/ocpp", await J.ReadAsync(h.Session, 1, "OcppCsmsUrl"));
        Assert.Equal(h.Csms.Endpoint.ToString(), await J.ReadAsync(h.Session, 0, "OcppCsmsUrl"));
    }

    [Fact]
    public async Task TC_B_109_CS()
    {
        const string SlotPassword = "slot1password0123456";
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = SlotPassword });
        NetworkProfileSetup.ScriptBoot(h, csms2);
        await h.Session.CallAsync("SetVariables", J.SetSlot(1, csms2.Endpoint, 1, password: SlotPassword));
        await h.Session.CallAsync("SetVariables", J.Priority("1"));
        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);
        var first = await csms2.WaitForSessionAsync();
        await first.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CS001:" + SlotPassword)), csms2.Attempts[^1].Authorization);

        // B09.FR.27 (errata 2025-09): the new SecurityCtrlr.BasicAuthPassword clears the active profile's own password,
        // so the reconnect (A01) uses the new one.
        csms2.SetBasicAuthPassword(NewPassword);
        var reply = await first.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "BasicAuthPassword", NewPassword));
        Assert.Equal("Accepted", J.Status(reply));
        await csms2.WaitForSessionAsync(2);

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CS001:" + NewPassword)), csms2.Attempts[^1].Authorization);
        Assert.Null(NetworkProfileSetup.Manager(h).Profiles.Get(1)!.BasicAuthPassword);
    }

    [Fact]
    public async Task NetworkConfiguration_GetBaseReport_ReportsEverySlot()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        await h.Session.CallAsync("GetBaseReport", """{"requestId":5,"reportBase":"FullInventory"}""");
        await h.AdvanceUntilAsync(() => h.Calls("NotifyReport").Any(r => !r.TryGetProperty("tbc", out var tbc) || !tbc.GetBoolean()), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // B09.FR.08: an instance per configuration slot; B09.FR.13: VpnEnabled/ApnEnabled false and ReadOnly.
        var items = h.Calls("NotifyReport").SelectMany(r => r.GetProperty("reportData").EnumerateArray())
            .Where(d => d.GetProperty("component").GetProperty("name").GetString() == "NetworkConfiguration").ToList();
        Assert.Equal(["0", "1", "2"], items.Select(d => d.GetProperty("component").GetProperty("instance").GetString()).Distinct().Order());
        var vpn = items.First(d => d.GetProperty("variable").GetProperty("name").GetString() == "VpnEnabled");
        Assert.Equal("ReadOnly", vpn.GetProperty("variableAttribute")[0].GetProperty("mutability").GetString());
        Assert.Equal("false", vpn.GetProperty("variableAttribute")[0].GetProperty("value").GetString());
        Assert.DoesNotContain(items, d => d.GetProperty("variable").GetProperty("name").GetString() == "BasicAuthPassword"
            && d.GetProperty("variableAttribute")[0].TryGetProperty("value", out _));
    }

    [Fact]
    public async Task SetNetworkProfile_WithVpn_RejectedInvalidNetworkConf()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        var reply = await h.Session.CallAsync("SetNetworkProfile", """{"configurationSlot":1,"connectionData":{"ocppInterface":"Wired0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"ws://10.0.0.1/ocpp","securityProfile":1,"vpn":{"server":"vpn.example","user":"u","password":"p","key":"k","type":"IPSec"}}}""");

        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        Assert.Equal("InvalidNetworkConf", reply[2].GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Null(NetworkProfileSetup.Manager(h).Profiles.Get(1));
    }

    [Fact]
    public async Task NetworkProfiles_LegacyJsonSlot_MigratedIntoNetworkConfiguration()
    {
        var store = new InMemoryDeviceModelStore();
        store.Save("~NetworkProfile.Slot.2", """{"configurationSlot":2,"connectionData":{"ocppInterface":"Wired0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"ws://10.0.0.2/ocpp","securityProfile":1}}""");
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        Assert.Equal("ws://10.0.0.2/ocpp", await J.ReadAsync(h.Session, 2, "OcppCsmsUrl"));
        Assert.Equal("ws://10.0.0.2/ocpp", NetworkProfileSetup.Manager(h).Profiles.Get(2)!.OcppCsmsUrl);
    }
}
