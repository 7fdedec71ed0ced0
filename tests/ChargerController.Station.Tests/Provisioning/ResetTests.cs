using ChargerController.Ocpp.Enums;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Provisioning;

/// <summary>Reset (B11/B12) over the wire, OCA Part 6 scenarios.</summary>
public sealed class ResetTests : IAsyncLifetime
{
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync();
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TC_B_20_CS()
    {
        var reply = await _h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(BootReasonEnumType.RemoteReset, await _h.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10)));

        // A04: the reset is announced as a security event before the reboot.
        var security = await _h.Session.WaitForFrameAsync(f => f.Action == "SecurityEventNotification" && f.Json!.Value[3].GetProperty("type").GetString() == "ResetOrReboot");
        Assert.NotNull(security);
    }

    [Fact]
    public async Task TC_B_21_CS()
    {
        _h.Transactions.Start(1);
        var reply = await _h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Scheduled", reply[2].GetProperty("status").GetString());
        await Task.Delay(100);
        Assert.False(_h.ResetPort.Rebooted.IsCompleted);

        _h.Transactions.End(1);
        Assert.Equal(BootReasonEnumType.ScheduledReset, await _h.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task TC_B_41_CS()
    {
        _h.Transactions.Start(1);
        _h.Transactions.Start(2);
        var reply = await _h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Scheduled", reply[2].GetProperty("status").GetString());
        _h.Transactions.End(1);
        await Task.Delay(100);
        Assert.False(_h.ResetPort.Rebooted.IsCompleted);
        _h.Transactions.End(2);
        Assert.Equal(BootReasonEnumType.ScheduledReset, await _h.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task TC_B_22_CS()
    {
        _h.Transactions.Start(1);
        var reply = await _h.Session.CallAsync("Reset", """{"type":"Immediate"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(BootReasonEnumType.RemoteReset, await _h.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["ImmediateReset"], _h.Transactions.EndedWith);
    }

    [Fact]
    public async Task TC_B_28_CS()
    {
        // B11.FR.09: EVSE.AllowReset is false on this station → per-EVSE reset Rejected.
        var reply = await _h.Session.CallAsync("Reset", """{"type":"Immediate","evseId":1}""");
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        Assert.False(_h.ResetPort.Rebooted.IsCompleted);
    }

    [Fact]
    public async Task TC_B_29_CS()
    {
        _h.Transactions.Start(1);
        var reply = await _h.Session.CallAsync("Reset", """{"type":"OnIdle","evseId":1}""");
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reset_ImmediateAndResume_RejectedWithoutResumptionTimeout()
    {
        var reply = await _h.Session.CallAsync("Reset", """{"type":"ImmediateAndResume"}""");
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
    }
}
