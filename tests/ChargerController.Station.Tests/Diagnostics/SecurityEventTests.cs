using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Diagnostics;

/// <summary>Security events (A04) and the Basic-auth password variable (A01).</summary>
public sealed class SecurityEventTests
{
    [Fact]
    public async Task StartupOfTheDevice_QueuedBeforeBoot_DeliveredAfterAccepted()
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        var security = await h.Session.WaitForCallAsync("SecurityEventNotification");
        Assert.Equal("StartupOfTheDevice", security.Json!.Value[3].GetProperty("type").GetString());
        var frames = h.Session.FromStation.Select(f => f.Action).ToList();
        Assert.Equal("BootNotification", frames[0]);
    }

    [Fact]
    public async Task TC_A_10_CS()
    {
        // Password shorter than the 16-character minimum → Rejected, old password kept.
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        var reply = await h.Session.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"},"attributeValue":"short"}]}""");
        Assert.Equal("Rejected", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public async Task SetVariables_ValidBasicAuthPassword_StoredAndNeverRevealed()
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        var reply = await h.Session.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"},"attributeValue":"a-new-password-0123"}]}""");
        // A01: the new password takes effect live (the station reconnects with it), so no reboot is required.
        Assert.Equal("Accepted", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Contains("a-new-password-0123", h.Store.LoadAll().Values);
    }
}
