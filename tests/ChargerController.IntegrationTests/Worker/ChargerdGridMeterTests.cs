using System.Text.Json;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// Local load balancing under a site fuse in the real chargerd process: the SmartCharging:GridMeter keys, the simulated
/// grid meter of --simulate (house load plus the simulated chargers), and the offered current chargerctl shows.
/// </summary>
public sealed class ChargerdGridMeterTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = ProcessWait.Timeout;
    private readonly string dir = Directory.CreateTempSubdirectory("chargerd-grid").FullName;

    private string Socket => Path.Combine(dir, "control.sock");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task GridMeter_SimulatedHouseLoad_ChargersShareWhatTheFuseLeaves()
    {
        // Fuse 25 A − margin 2 A − house 10 A: the chargers may draw 13 A per phase together.
        var environment = new Dictionary<string, string>
        {
            ["CHARGERD_SmartCharging__GridMeter__Enabled"] = "true",
            ["CHARGERD_SmartCharging__GridMeter__FuseCurrentA"] = "25",
            ["CHARGERD_SmartCharging__GridMeter__MarginA"] = "2",
            ["CHARGERD_SmartCharging__GridMeter__SimulatedHouseLoadA"] = "10",
            ["CHARGERD_SmartCharging__GridMeter__PollIntervalSeconds"] = "0.5",
        };
        await using var chargerd = ChargerdProcess.Start(environment, "--simulate", "--evses", "2", "--control-socket", Socket, "--state-dir", dir);
        await WaitForSocketAsync(chargerd);

        await Ctl.RunAsync("sim", "plug", "1");
        await Ctl.EvseWhenAsync(1, e => e.GetProperty("pilotState").GetString()!.StartsWith('B'));
        await Ctl.RunAsync("sim", "tap", "04A1B2C3");

        // The 11 kW car wants 16 A; the fuse leaves 13 A.
        var first = await Ctl.EvseWhenAsync(1, e => e.GetProperty("contactorClosed").GetBoolean() && e.GetProperty("measuredCurrentA").GetDouble() > 0);
        var one = await Ctl.EvseWhenAsync(1, e => Math.Abs(e.GetProperty("offeredCurrentA").GetDouble() - 13) < 0.5);
        Assert.True(one.GetProperty("measuredCurrentA").GetDouble() <= 13.5, one.ToString());
        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("transactionId").ValueKind);

        // A second car: both share the 13 A; the site stays under fuse − margin on every phase.
        await Ctl.RunAsync("sim", "plug", "2");
        await Ctl.EvseWhenAsync(2, e => e.GetProperty("pilotState").GetString()!.StartsWith('B'));
        await Ctl.RunAsync("sim", "tap", "04D5E6F7");
        await Ctl.EvseWhenAsync(2, e => e.GetProperty("offeredCurrentA").GetDouble() > 0 || e.GetProperty("contactorClosed").GetBoolean());
        var shared = await Ctl.StatusWhenAsync(s => Offered(s, 1) + Offered(s, 2) <= 13.5 && Offered(s, 2) > 0);
        Assert.True(Measured(shared, 1) + Measured(shared, 2) + 10 <= 23.5, shared.ToString());

        chargerd.Terminate();
        Assert.Equal(0, await chargerd.WaitForExitAsync(Timeout));
    }

    [Fact]
    public async Task GridMeter_InvalidFuse_RefusesToStartWithTheKeyNamed()
    {
        var environment = new Dictionary<string, string>
        {
            ["CHARGERD_SmartCharging__GridMeter__Enabled"] = "true",
            ["CHARGERD_SmartCharging__GridMeter__FuseCurrentA"] = "0",
        };
        await using var chargerd = ChargerdProcess.Start(environment, "--simulate", "--control-socket", Socket, "--state-dir", dir);
        Assert.Equal(2, await chargerd.WaitForExitAsync(Timeout));
        Assert.Contains("SmartCharging:GridMeter:FuseCurrentA", chargerd.StandardError, StringComparison.Ordinal);
    }

    private static double Offered(JsonElement status, int id) => status.GetProperty("evses")[id - 1].GetProperty("offeredCurrentA").GetDouble();

    private static double Measured(JsonElement status, int id) => status.GetProperty("evses")[id - 1].GetProperty("measuredCurrentA").GetDouble();

    private ControlSocketClient Ctl => new(Socket);

    private Task WaitForSocketAsync(ChargerdProcess chargerd, string path) => ControlSocketClient.WaitForSocketAsync(chargerd, path, Timeout);

    private Task WaitForSocketAsync(ChargerdProcess chargerd) => WaitForSocketAsync(chargerd, Socket);
}
