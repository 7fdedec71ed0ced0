using System.Text;
using ChargerController.Station.Diagnostics;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>HTTP Basic authentication and its password update (A00, A01) over real WebSockets.</summary>
public sealed class BasicAuthPasswordTests
{
    [Fact]
    public async Task TC_A_01_CS()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        var attempt = h.Csms.Attempts[0];
        Assert.Equal("Basic " + Base64("CS001:" + NetworkProfileSetup.Password), attempt.Authorization);
        Assert.EndsWith("/CS001", attempt.RawTarget, StringComparison.Ordinal);
        Assert.Equal("CS001", attempt.StationId);
    }

    [Fact]
    public async Task TC_A_09_CS()
    {
        const string NewPassword = "NewPassword0123456789";
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        // A01.FR.03: the CSMS stops accepting the old credentials once the station accepted the new ones.
        h.Csms.SetBasicAuthPassword(NewPassword);
        var reply = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "BasicAuthPassword", NewPassword));
        Assert.Equal("Accepted", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        // The answer went out first, then the station reconnected at once with the new password.
        var second = await h.Csms.WaitForSessionAsync(2);
        Assert.Equal("Basic " + Base64("CS001:" + NewPassword), h.Csms.Attempts[^1].Authorization);

        // A01.FR.11: the change is logged as a security event, queued and delivered over the new connection.
        // If it met the closing connection it waits for its retry interval: let virtual time run.
        static bool IsEvent(ChargerController.Testing.Csms.RecordedFrame f) => f.Action == "SecurityEventNotification"
            && f.Json!.Value[3].GetProperty("type").GetString() == SecurityEventReporter.ReconfigurationOfSecurityParameters;
        await h.AdvanceUntilAsync(() => h.Csms.Frames.Any(IsEvent), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));
        var frame = h.Csms.Frames.First(IsEvent);
        Assert.DoesNotContain(NewPassword, frame.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(second.FromStation, f => f.Action == "BootNotification");
    }

    [Fact]
    public async Task SetVariables_PasswordRejected_NoReconnect()
    {
        await using var h = await StationHarness.StartAsync(setup: NetworkProfileSetup.Create());
        await h.WaitAcceptedAsync();

        var reply = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "BasicAuthPassword", "short"));
        var check = await h.Session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"}}]}""");

        Assert.Equal("Rejected", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Accepted", check[2].GetProperty("getVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Single(h.Csms.Sessions);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
