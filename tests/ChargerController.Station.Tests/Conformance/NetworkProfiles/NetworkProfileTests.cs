using System.Text;
using System.Text.Json;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.DeviceModel;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>Network connection profiles (B09/B10) and security-profile upgrades (A05) over real WebSockets, OCA Part 6 scenarios.</summary>
public sealed class NetworkProfileTests
{
    [Fact]
    public async Task TC_B_43_CS()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        var reply = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(999, h.Csms.Endpoint, 1));

        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task SetNetworkProfile_SlotInUseOrBadUrl_Rejected()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        var inUse = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(0, h.Csms.Endpoint, 1));
        var wrongScheme = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, new Uri("wss://csms.example/ocpp"), 1));

        Assert.Equal("Rejected", inUse[2].GetProperty("status").GetString());
        Assert.Equal("Rejected", wrongScheme[2].GetProperty("status").GetString());
        Assert.Null(NetworkProfileSetup.Manager(h).Profiles.Get(1));
    }

    [Fact]
    public async Task TC_B_45_CS()
    {
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password });
        NetworkProfileSetup.ScriptBoot(h, csms2);

        var set = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, csms2.Endpoint, 1));
        var priority = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));
        var reset = await h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");

        Assert.Equal("Accepted", set[2].GetProperty("status").GetString());
        Assert.Equal("Accepted", priority[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Accepted", reset[2].GetProperty("status").GetString());

        // The reset port reboots the host; here the runtime is rebuilt on the same store (B10.FR.04, B10.FR.06).
        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);
        var session = await csms2.WaitForSessionAsync();
        await session.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();

        Assert.Equal("1", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile")));
        Assert.Single(h.Csms.Sessions);
    }

    [Fact]
    public async Task TC_B_46_CS()
    {
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password });
        csms2.RefuseConnections(int.MaxValue);
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "2"));
        await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, csms2.Endpoint, 1));
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));

        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);

        // B10.FR.03: two refused attempts on slot 1, then slot 0 is used.
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        await h.Csms.Sessions[1].WaitForCallAsync("BootNotification");
        Assert.Equal(2, csms2.Attempts.Count);
        Assert.All(csms2.Attempts, a => Assert.Equal(503, a.StatusCode));
        Assert.Equal("0", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile")));
    }

    [Fact]
    public async Task TC_B_49_CS()
    {
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password });
        csms2.RefuseConnections(int.MaxValue);
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "1"));
        await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, csms2.Endpoint, 1));
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));
        var attemptsBefore = h.Csms.Attempts.Count;
        h.Csms.RefuseConnections(1);

        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);

        // Slot 1 refused, slot 0 (last working) refused, then B10.FR.07: reconnecting stays on slot 0 after the back-off.
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        await h.Csms.Sessions[1].WaitForCallAsync("BootNotification");
        Assert.Single(csms2.Attempts);
        Assert.Equal(2, h.Csms.Attempts.Count - attemptsBefore);
        var attempts = h.Csms.Attempts.Skip(attemptsBefore).ToList();
        Assert.Equal(503, attempts[0].StatusCode);
        Assert.Equal(101, attempts[1].StatusCode);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.Zero);
    }

    [Fact]
    public async Task TC_B_57_CS()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        h.Csms.DropCurrentSession();
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        var session = h.Csms.Sessions[1];

        // Part 4 §5.3: a reconnect after a lost connection needs no new BootNotification; the session carries on.
        var reply = await session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""");
        Assert.Equal("Accepted", reply[2].GetProperty("getVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.DoesNotContain(session.FromStation, f => f.Action == "BootNotification");
    }

    [Fact]
    public async Task TC_A_22_CS()
    {
        using var certificates = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
        var credentials = new TestTlsCredentials();
        credentials.SetRoots(certificates.Ca);
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create(
            credentials,
            new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = certificates.Server },
            SecurityProfile.TlsWithBasicAuthentication,
            [certificates.Ca]));
        await h.WaitAcceptedAsync();

        var reply = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, new Uri("ws://127.0.0.1:9/ocpp"), 1));

        // B09.FR.04: connected with profile 2, a profile 1 slot is a downgrade.
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        Assert.Equal("2", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "SecurityProfile")));
    }

    [Fact]
    public async Task TC_A_19_CS()
    {
        using var certificates = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
        var credentials = new TestTlsCredentials();
        credentials.SetRoots(certificates.Ca);
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create(credentials));
        await h.WaitAcceptedAsync();
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = certificates.Server });
        NetworkProfileSetup.ScriptBoot(h, csms2);

        var set = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, csms2.Endpoint, 2));
        var priority = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));
        var reset = await h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Accepted", set[2].GetProperty("status").GetString());
        Assert.Equal("Accepted", priority[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Accepted", reset[2].GetProperty("status").GetString());

        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);
        var session = await csms2.WaitForSessionAsync();
        await session.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();

        var profile = await session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"SecurityCtrlr"},"variable":{"name":"SecurityProfile"}}]}""");
        var order = await session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"NetworkConfigurationPriority"}}]}""");
        Assert.Equal("2", profile[2].GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());

        // A05.FR.06: the profile 1 slot left the priority list once profile 2 worked.
        Assert.Equal("1", order[2].GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
        Assert.StartsWith("wss://", csms2.Endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A05_UpgradedProfileFails_FallsBackToPreviousProfile()
    {
        using var certificates = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
        using var untrusted = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
        var credentials = new TestTlsCredentials();
        credentials.SetRoots(certificates.Ca);
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create(credentials));
        await h.WaitAcceptedAsync();

        // The new CSMS presents a certificate from a CA the station does not trust.
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = untrusted.Server });
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "2"));
        await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, csms2.Endpoint, 2));
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));

        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        var session = h.Csms.Sessions[1];
        await session.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();

        // Back on profile 1 (slot 0), and the refused certificate is reported there (A04).
        Assert.Empty(csms2.Sessions);
        Assert.Equal("1", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "SecurityProfile")));
        await h.AdvanceUntilAsync(
            () => session.FromStation.Any(f => f.Action == "SecurityEventNotification" && f.Json!.Value[3].GetProperty("type").GetString() == "InvalidCsmsCertificate"),
            TimeSpan.FromSeconds(5),
            TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task TC_A_20_CS()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create(new TestTlsCredentials()));
        await h.WaitAcceptedAsync();

        var set = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, new Uri("wss://localhost:9/ocpp"), 2));
        var priority = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));

        Assert.Equal("Accepted", set[2].GetProperty("status").GetString());

        // A05.FR.02: no CSMSRootCertificate installed.
        Assert.Equal("Rejected", priority[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("0", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "NetworkConfigurationPriority")));
    }

    [Fact]
    public async Task TC_A_21_CS()
    {
        using var certificates = TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);
        var credentials = new TestTlsCredentials();
        credentials.SetRoots(certificates.Ca);
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create(credentials));
        await h.WaitAcceptedAsync();

        var set = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, new Uri("wss://localhost:9/ocpp"), 3));
        var priority = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));

        Assert.Equal("Accepted", set[2].GetProperty("status").GetString());

        // A05.FR.03: no ChargingStationCertificate installed.
        Assert.Equal("Rejected", priority[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public async Task SetNetworkProfile_Stored_SurvivesRestart()
    {
        var store = new InMemoryDeviceModelStore();
        await using var h = await StationHarness.StartAsync(store: store, setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(2, new Uri("ws://10.0.0.1:8080/ocpp"), 1));

        await h.RestartAsync(BootReasonEnumType.PowerUp);

        var profile = NetworkProfileSetup.Manager(h).Profiles.Get(2);
        Assert.NotNull(profile);
        Assert.Equal("ws://10.0.0.1:8080/ocpp", profile.OcppCsmsUrl);
        Assert.Equal(1, profile.SecurityProfile);
    }
}
