using ChargerController.Station.Runtime;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.RemoteControl;

/// <summary>TriggerMessage BootNotification while Pending (B02.FR.08) sends a Triggered boot at once.</summary>
public sealed class TriggerWhilePendingTests
{
    [Fact]
    public async Task TriggerBootNotification_WhilePending_SendsTriggeredBootWithoutWaitingForInterval()
    {
        await using var h = await StationHarness.StartAsync(bootStatus: "Pending", interval: 3600);
        await h.AdvanceUntilAsync(() => h.Runtime.Registration == RegistrationState.Pending, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        h.Csms.Respond("BootNotification", """{"currentTime":"2025-01-01T12:00:30Z","interval":300,"status":"Accepted"}""");
        var reply = await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"BootNotification"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var boot = await h.WaitForCallsAsync("BootNotification", 2);
        Assert.Equal("Triggered", boot.GetProperty("reason").GetString());
        await h.WaitAcceptedAsync();
    }
}
