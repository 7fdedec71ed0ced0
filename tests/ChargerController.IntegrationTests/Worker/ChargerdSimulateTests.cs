using System.Text.Json;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// Issue 9 end to end as a user does it: the real chargerd process with simulated hardware, driven by chargerctl over
/// the real control socket.
/// </summary>
public sealed class ChargerdSimulateTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = ProcessWait.Timeout;
    private readonly string dir = Directory.CreateTempSubdirectory("chargerd-sim").FullName;

    private string Socket => Path.Combine(dir, "control.sock");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Simulate_PlugTapChargeFaultUnplug_StatusFollows_SigtermExitsZero()
    {
        await using var chargerd = ChargerdProcess.Start("--simulate", "--evses", "2", "--control-socket", Socket, "--state-dir", dir);
        await WaitForSocketAsync(chargerd);

        var status = await Ctl.StatusAsync();
        foreach (var field in new[] { "connected", "subprotocol", "bootStatus", "queueDepth", "evses" })
        {
            Assert.True(status.TryGetProperty(field, out _), field);
        }

        Assert.False(status.GetProperty("connected").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("subprotocol").ValueKind);
        Assert.Equal("None", status.GetProperty("bootStatus").GetString());
        // No CSMS configured: the station runs offline, so the A04 StartupOfTheDevice security event waits in the durable queue
        // (queued by the OCPP runtime, which may start a moment after the control socket answers).
        Assert.Equal(1, (await Ctl.StatusWhenAsync(s => s.GetProperty("queueDepth").GetInt32() == 1)).GetProperty("queueDepth").GetInt32());
        Assert.Equal(2, status.GetProperty("evses").GetArrayLength());
        var first = status.GetProperty("evses")[0];
        foreach (var field in new[] { "id", "connectorStatus", "pilotState", "contactorClosed", "offeredCurrentA", "measuredCurrentA", "transactionId", "energyWh", "fault" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        await Ctl.RunAsync("sim", "plug", "1");
        var plugged = await Ctl.EvseWhenAsync(1, e => e.GetProperty("pilotState").GetString()!.StartsWith('B'));
        Assert.Equal("Occupied", plugged.GetProperty("connectorStatus").GetString());

        await Ctl.RunAsync("sim", "tap", "04A1B2C3");
        var charging = await Ctl.EvseWhenAsync(1, e => e.GetProperty("contactorClosed").GetBoolean() && e.GetProperty("measuredCurrentA").GetDouble() > 0);
        Assert.NotEqual(JsonValueKind.Null, charging.GetProperty("transactionId").ValueKind);
        Assert.True(charging.GetProperty("offeredCurrentA").GetDouble() >= 6);
        await Ctl.EvseWhenAsync(1, e => e.GetProperty("energyWh").GetDouble() > 0);

        // While charging, a hardware test is refused (exit 8) and the charge goes on.
        var refused = await ChargerctlRun.RunAsync("--socket", Socket, "hw", "rcd-test", "1");
        Assert.Equal(8, refused.ExitCode);
        Assert.Contains("charging", refused.Error, StringComparison.Ordinal);

        await Ctl.RunAsync("sim", "fault", "1", "weld");
        await Ctl.RunAsync("evse", "stop", "1");
        var welded = await Ctl.EvseWhenAsync(1, e => e.GetProperty("fault").GetString() is { } f && f.Contains("ContactorWelded", StringComparison.Ordinal));
        Assert.Equal("Faulted", welded.GetProperty("connectorStatus").GetString());

        await Ctl.RunAsync("sim", "fault", "1", "clear");
        await Ctl.EvseWhenAsync(1, e => e.GetProperty("fault").ValueKind == JsonValueKind.Null);

        await Ctl.RunAsync("sim", "unplug", "1");
        var unplugged = await Ctl.EvseWhenAsync(1, e => e.GetProperty("pilotState").GetString() == "A");
        Assert.False(unplugged.GetProperty("contactorClosed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unplugged.GetProperty("transactionId").ValueKind);

        chargerd.Terminate();
        Assert.Equal(0, await chargerd.WaitForExitAsync(Timeout));
        Assert.False(File.Exists(Socket), "the socket file is removed on stop");
    }

    [Fact]
    public async Task Simulate_EvseStartBeforePlug_ThenPlug_Charges_AndAvailabilityInoperativeStops()
    {
        await using var chargerd = ChargerdProcess.Start("--simulate", "--control-socket", Socket, "--state-dir", dir);
        await WaitForSocketAsync(chargerd);

        var started = await ChargerctlRun.RunAsync("--socket", Socket, "evse", "start", "1", "--id-token", "TECH-1", "--json");
        Assert.Equal(0, started.ExitCode);
        Assert.Contains("TECH-1", JsonDocument.Parse(started.Output).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);

        await Ctl.RunAsync("sim", "ev", "1", "--state", "C");
        await Ctl.EvseWhenAsync(1, e => e.GetProperty("contactorClosed").GetBoolean());

        await Ctl.RunAsync("evse", "availability", "1", "inoperative");
        // The OCPP transaction ends on the transaction layer's work loop, a moment after the contactor opened.
        var off = await Ctl.EvseWhenAsync(1, e => e.GetProperty("connectorStatus").GetString() == "Unavailable" && !e.GetProperty("contactorClosed").GetBoolean()
            && e.GetProperty("transactionId").ValueKind == JsonValueKind.Null);
        Assert.Equal(JsonValueKind.Null, off.GetProperty("transactionId").ValueKind);

        var table = await ChargerctlRun.RunAsync("--socket", Socket, "status");
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"(?m)^1\s+Unavailable\s", table.Output);

        chargerd.Terminate();
        Assert.Equal(0, await chargerd.WaitForExitAsync(Timeout));
    }

    [Fact]
    public async Task SimCommands_BadInput_AreRejectedWithDocumentedExitCodes_StationUnharmed()
    {
        await using var chargerd = ChargerdProcess.Start("--simulate", "--evses", "2", "--control-socket", Socket, "--state-dir", dir);
        await WaitForSocketAsync(chargerd);

        Assert.Equal(1, (await ChargerctlRun.RunAsync("--socket", Socket, "sim", "tap", "XYZ")).ExitCode);
        Assert.Equal(1, (await ChargerctlRun.RunAsync("--socket", Socket, "sim", "plug", "3")).ExitCode);
        Assert.Equal(8, (await ChargerctlRun.RunAsync("--socket", Socket, "sim", "unplug", "1")).ExitCode);
        await Ctl.RunAsync("sim", "plug", "1");
        Assert.Equal(8, (await ChargerctlRun.RunAsync("--socket", Socket, "sim", "plug", "1")).ExitCode);
        Assert.Equal(8, (await ChargerctlRun.RunAsync("--socket", Socket, "evse", "stop", "1")).ExitCode);
        Assert.Equal(1, (await ChargerctlRun.RunAsync("--socket", Socket, "evse", "start", "5")).ExitCode);

        await Ctl.EvseWhenAsync(1, e => e.GetProperty("connectorStatus").GetString() == "Occupied");
        Assert.False(chargerd.HasExited);
    }

    [Fact]
    public async Task SimulateWithoutControlSocketFlag_UsesPerUserSocket_ThatChargerctlFindsByDefault()
    {
        var env = new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = dir };
        await using var chargerd = ChargerdProcess.Start(env, "--simulate", "--state-dir", dir);
        var expected = Path.Combine(dir, "chargercontroller", "control.sock");
        using var cts = new CancellationTokenSource(Timeout);
        while (!File.Exists(expected))
        {
            Assert.False(chargerd.HasExited, chargerd.StandardError);
            await Task.Delay(50, cts.Token);
        }

        var status = await ChargerctlRun.RunAsync(new Dictionary<string, string?> { ["XDG_RUNTIME_DIR"] = dir }, "status", "--json");
        Assert.Equal(0, status.ExitCode);
        Assert.True(JsonDocument.Parse(status.Output).RootElement.GetProperty("simulated").GetBoolean());
    }

    /// <summary>The README's first command (<c>--simulate --demo</c>, default socket), with a shorter charge.</summary>
    [Fact]
    public async Task Demo_NarratesPlugTapChargeUnplug_AndKeepsRunning()
    {
        // The state directory too: a test run as root must not leave a database in /var/lib/chargercontroller.
        var env = new Dictionary<string, string> { ["CHARGERD_Chargerd__DemoChargingSeconds"] = "2", ["XDG_RUNTIME_DIR"] = dir, ["CHARGERD_Chargerd__StateDir"] = dir };
        await using var chargerd = ChargerdProcess.Start(env, "--simulate", "--demo");
        await chargerd.WaitForOutputAsync(o => o.Contains("demo: done", StringComparison.Ordinal), Timeout);

        var narrative = chargerd.StandardOutput;
        string[] steps = ["an EV is plugged into EVSE 1", "card 04A1B2C3 tapped", "card authorized", "offers 32.0 A", "contactor closed: charging", "measured  16.0 A", "stops drawing", "EV unplugged, session ended"];
        var at = 0;
        foreach (var step in steps)
        {
            var next = narrative.IndexOf(step, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{step}' missing or out of order in:\n{narrative}");
            at = next;
        }

        // The station keeps running after the demo, and chargerctl finds it without --socket.
        var status = await ChargerctlRun.RunAsync(new Dictionary<string, string?> { ["XDG_RUNTIME_DIR"] = dir }, "status", "--json");
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("Available", JsonDocument.Parse(status.Output).RootElement.GetProperty("evses")[0].GetProperty("connectorStatus").GetString());
    }

    private ControlSocketClient Ctl => new(Socket);

    private Task WaitForSocketAsync(ChargerdProcess chargerd, string path) => ControlSocketClient.WaitForSocketAsync(chargerd, path, Timeout);

    private Task WaitForSocketAsync(ChargerdProcess chargerd) => WaitForSocketAsync(chargerd, Socket);
}
