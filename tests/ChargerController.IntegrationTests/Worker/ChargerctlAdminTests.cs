using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// chargerctl's config, queue, auth and support-bundle commands against the real chargerd process (offline station,
/// real SQLite state directory).
/// </summary>
public sealed class ChargerctlAdminTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = ProcessWait.Timeout;
    private readonly string dir = Directory.CreateTempSubdirectory("chargerctl-admin").FullName;

    private string Socket => Path.Combine(dir, "control.sock");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ConfigSet_IsValidatedByTheDeviceModel_AndSurvivesARestart_FileValuesApply()
    {
        var config = Path.Combine(dir, "chargercontroller.json");
        File.WriteAllText(config, """{"DeviceModel":{"OCPPCommCtrlr/MessageTimeout[Default]":"45"}}""");
        await using (var chargerd = await StartAsync("--config", config))
        {
            Assert.Equal("45", (await GetAsync("OCPPCommCtrlr/MessageTimeout[Default]")).GetProperty("value").GetString());

            var set = await CtlAsync("config", "set", "ocppcommctrlr/heartbeatinterval", "120", "--json");
            Assert.Equal(0, set.ExitCode);
            Assert.Equal("Accepted", JsonDocument.Parse(set.Output).RootElement.GetProperty("status").GetString());

            var invalid = await CtlAsync("config", "set", "OCPPCommCtrlr/HeartbeatInterval", "soon");
            Assert.Equal(1, invalid.ExitCode);
            Assert.Contains("rejected", invalid.Error, StringComparison.Ordinal);

            Assert.Equal(8, (await CtlAsync("config", "set", "SecurityCtrlr/Identity", "X")).ExitCode);
            Assert.Equal(8, (await CtlAsync("config", "set", "SecurityCtrlr/BasicAuthPassword", "0123456789abcdef0")).ExitCode);
            Assert.Equal(8, (await CtlAsync("config", "set", "local:StationId", "X")).ExitCode);
            Assert.Equal(11, (await CtlAsync("config", "get", "NoSuchCtrlr/Thing")).ExitCode);
            Assert.Equal(1, (await CtlAsync("config", "get", "not a key")).ExitCode);

            var list = await CtlAsync("config", "list", "--json");
            var keys = JsonDocument.Parse(list.Output).RootElement.GetProperty("variables").EnumerateArray().ToDictionary(v => v.GetProperty("key").GetString()!, v => v);
            Assert.Equal(JsonValueKind.Null, keys["SecurityCtrlr/BasicAuthPassword"].GetProperty("value").ValueKind);
            Assert.Equal("CC-SIM-0001", keys["local:StationId"].GetProperty("value").GetString());
            Assert.Equal(config, keys["local:ConfigFile"].GetProperty("value").GetString());

            chargerd.Terminate();
            Assert.Equal(0, await chargerd.WaitForExitAsync(Timeout));
        }

        await using var again = await StartAsync("--config", config);
        Assert.Equal("120", (await GetAsync("OCPPCommCtrlr/HeartbeatInterval")).GetProperty("value").GetString());
    }

    [Fact]
    public async Task Queue_OfflineStation_ShowsTheQueuedStartupEvent_AuthListAddRemove_OnTheLocalList()
    {
        await using var chargerd = await StartAsync();

        var stats = await WaitForQueuedAsync();
        Assert.Equal(1, stats.GetProperty("count").GetInt32());
        var list = await CtlAsync("queue", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"(?m)^\d+\s+SecurityEventNotification\s", list.Output);

        Assert.Equal(0, (await CtlAsync("auth", "add", "04A1B2C3")).ExitCode);
        var auth = await CtlAsync("auth", "list");
        Assert.Equal(0, auth.ExitCode);
        Assert.Contains("04A1B2C3", auth.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await CtlAsync("auth", "remove", "04A1B2C3")).ExitCode);
        Assert.DoesNotContain("04A1B2C3", (await CtlAsync("auth", "list")).Output, StringComparison.Ordinal);
        Assert.Equal(11, (await CtlAsync("auth", "remove", "04A1B2C3")).ExitCode);
    }

    [Fact]
    public async Task SupportBundle_FromRunningChargerd_HasStatusDatabaseAndQueue()
    {
        await using var chargerd = await StartAsync();
        Assert.Equal(1, (await WaitForQueuedAsync()).GetProperty("count").GetInt32());
        var archive = Path.Combine(dir, "bundle.tar.gz");

        var result = await CtlAsync("support-bundle", "--output", archive, "--config", Path.Combine(dir, "absent.json"), "--json");

        Assert.Equal(0, result.ExitCode);
        var names = new List<string>();
        string database = string.Empty;
        using (var file = File.OpenRead(archive))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                var name = entry.Name[(entry.Name.IndexOf('/', StringComparison.Ordinal) + 1)..];
                names.Add(name);
                if (name == "database.json")
                {
                    database = new StreamReader(entry.DataStream!).ReadToEnd();
                }
            }
        }

        Assert.Contains("status.json", names);
        Assert.Contains("queue-stats.json", names);
        Assert.Contains("config-values.json", names);
        var db = JsonDocument.Parse(database).RootElement;
        Assert.True(db.GetProperty("schemaVersion").GetInt32() >= 1);
        Assert.Equal(1, db.GetProperty("tables").GetProperty("outbound_queue").GetInt64());
    }

    private async Task<ChargerdProcess> StartAsync(params string[] extra)
    {
        var chargerd = ChargerdProcess.Start(["--simulate", "--control-socket", Socket, "--state-dir", dir, .. extra]);
        using var cts = new CancellationTokenSource(Timeout);
        while (!File.Exists(Socket))
        {
            Assert.False(chargerd.HasExited, chargerd.StandardError);
            await Task.Delay(50, cts.Token);
        }

        return chargerd;
    }

    private async Task<JsonElement> GetAsync(string key)
    {
        var result = await CtlAsync("config", "get", key, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    /// <summary>
    /// Polls <c>queue stats</c> until the startup SecurityEventNotification (A04, queued by the OCPP runtime as it
    /// starts) is in the queue. chargerd starts its hosted services concurrently, so the control socket can answer
    /// before the runtime has queued it: the socket's existence says nothing about the queue.
    /// </summary>
    private async Task<JsonElement> WaitForQueuedAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var result = await CtlAsync("queue", "stats", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            var stats = JsonDocument.Parse(result.Output).RootElement;
            if (stats.GetProperty("count").GetInt32() > 0)
            {
                return stats;
            }

            await Task.Delay(50, cts.Token);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> CtlAsync(params string[] args) => ChargerctlRun.RunAsync(["--socket", Socket, .. args]);
}
