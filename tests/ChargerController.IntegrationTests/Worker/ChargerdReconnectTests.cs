using ChargerController.IntegrationTests.CrashSafety;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>chargerd's reconnect back-off follows the OCPPCommCtrlr device-model variables (Part 4 §5.4).</summary>
public sealed class ChargerdReconnectTests
{
    [Fact]
    public async Task RetryBackOffWaitMinimum_FromTheConfiguration_IsTheReconnectDelayAfterADrop()
    {
        // The rig configures RetryBackOffWaitMinimum 1 s and RetryBackOffRandomRange 0; the built-in default is 10–20 s.
        await using var rig = await ChargerdRig.StartAsync();
        await using var chargerd = await rig.StartChargerdAsync();
        var first = await rig.Csms.WaitForSessionAsync(1, ChargerdRig.Timeout);
        await first.WaitForCallAsync("StatusNotification", ChargerdRig.Timeout);

        var dropped = DateTimeOffset.UtcNow;
        first.Abort();
        var second = await rig.Csms.WaitForSessionAsync(2, ChargerdRig.Timeout);

        var took = rig.Csms.Attempts[^1].At - dropped;
        Assert.True(took >= TimeSpan.FromSeconds(0.9) && took < TimeSpan.FromSeconds(8), $"reconnected after {took.TotalSeconds:0.0} s");
        Assert.Equal(first.StationId, second.StationId);
    }
}
