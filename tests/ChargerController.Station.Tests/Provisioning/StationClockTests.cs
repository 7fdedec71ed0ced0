using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Tests.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Provisioning;

/// <summary>The station clock follows the CSMS's currentTime (B01.FR.06) without touching the host clock.</summary>
public sealed class StationClockTests
{
    [Fact]
    public void Adjust_WithinTolerance_Ignored_BeyondIt_Applied()
    {
        var host = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var clock = new StationClock(host);

        Assert.Equal(TimeSpan.Zero, clock.Adjust(host.GetUtcNow().AddMilliseconds(300)));
        var step = clock.Adjust(host.GetUtcNow().AddMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(10), step);
        Assert.Equal(host.GetUtcNow().AddMinutes(10), clock.GetUtcNow());
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), host.GetUtcNow());
    }

    [Fact]
    public async Task Timers_RunOnHostClock_AfterStep()
    {
        var host = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var clock = new StationClock(host);
        clock.Adjust(host.GetUtcNow().AddHours(-3));

        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);
        host.Advance(TimeSpan.FromSeconds(30));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task HeartbeatCurrentTime_SetsClockCtrlrDateTime_AndRaisesSettingSystemTime()
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        h.Csms.Respond("Heartbeat", """{"currentTime":"2025-01-01T13:00:00Z"}""");

        var trigger = await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"Heartbeat"}""");
        Assert.Equal("Accepted", trigger[2].GetProperty("status").GetString());
        await h.Session.WaitForCallAsync("Heartbeat");
        var frame = await h.Session.WaitForFrameAsync(f => f.Action == "SecurityEventNotification"
            && f.Json!.Value[3].GetProperty("type").GetString() == SecurityEventReporter.SettingSystemTime);

        var reply = await h.Session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"ClockCtrlr"},"variable":{"name":"DateTime"}}]}""");
        var value = DateTimeOffset.Parse(reply[2].GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(value, new DateTimeOffset(2025, 1, 1, 12, 59, 59, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 13, 0, 5, TimeSpan.Zero));
        Assert.NotNull(frame);

        // The security event itself carries the corrected time.
        Assert.StartsWith("2025-01-01T13:00", frame.Json!.Value[3].GetProperty("timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeSourceWithoutHeartbeat_ClockUntouched()
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        Assert.Equal("Accepted", (await h.Session.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"ClockCtrlr"},"variable":{"name":"TimeSource"},"attributeValue":"NTP"}]}"""))[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        h.Csms.Respond("Heartbeat", """{"currentTime":"2030-01-01T00:00:00Z"}""");

        await h.AdvanceUntilAsync(() => h.Calls("Heartbeat").Count >= 1, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        await Task.Delay(100);

        Assert.Equal(TimeSpan.Zero, h.Runtime.Clock.Offset);
        Assert.Equal(2025, h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.ClockCtrlr, "DateTime"))![..4] is "2025" ? 2025 : 0);
    }
}
