using ChargerController.Station.DeviceModel;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>
/// The messageTimeout of the network connection profile in use decides how long a CALL waits for its answer (B09,
/// NetworkConnectionProfileType.messageTimeout); OCPPCommCtrlr.MessageTimeout[Default] serves the configured profile.
/// </summary>
public sealed class ProfileMessageTimeoutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ProfileMessageTimeout_AppliesToConnectionInUse()
    {
        await using var h = await StationHarness.StartAsync(store: new InMemoryDeviceModelStore(), setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();
        Assert.Equal("30", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "MessageTimeout", "Default")));
        await using var csms2 = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, TimeProvider = h.Time });
        NetworkProfileSetup.ScriptBoot(h, csms2);
        var profile = NetworkProfileSetup.ProfileJson(1, csms2.Endpoint, 1).Replace("\"messageTimeout\":30", "\"messageTimeout\":8", StringComparison.Ordinal);
        Assert.Equal("Accepted", (await h.Session.CallAsync("SetNetworkProfile", profile))[2].GetProperty("status").GetString());
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));
        h.Csms.DropCurrentSession();
        await h.AdvanceUntilAsync(() => csms2.Sessions.Count >= 1, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        var session = await csms2.WaitForSessionAsync(1, Bound);
        await session.WaitForCallAsync("StatusNotification", Bound);

        // The CSMS leaves a Heartbeat unanswered; the next CALL may only go once that one timed out (Part 4 §4.1.1).
        csms2.Ignore("Heartbeat");
        await session.CallAsync("TriggerMessage", """{"requestedMessage":"Heartbeat"}""", Bound);
        var first = await session.WaitForCallAsync("Heartbeat", Bound);
        await session.CallAsync("TriggerMessage", """{"requestedMessage":"Heartbeat"}""", Bound);

        // The clock stops from 8 s on until the released Heartbeat crossed the socket: the CSMS double stamps frames
        // with the virtual time at arrival.
        await h.AdvanceUntilDueAsync(() => session.FromStation.Count(f => f.Action == "Heartbeat") >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(25));

        var second = session.FromStation.Where(f => f.Action == "Heartbeat").ElementAt(1);
        var waited = second.At - first.At;
        Assert.InRange(waited, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15));
    }
}
