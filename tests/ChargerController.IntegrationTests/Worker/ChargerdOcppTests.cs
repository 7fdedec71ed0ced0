using System.Text;
using System.Text.Json;
using ChargerController.Testing.Csms;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// chargerd as a real process speaking OCPP: to the embedded development CSMS of <c>--simulate --demo</c>, and to a
/// CSMS given with <c>--csms-url</c> (the loopback test double) with Basic auth from a secret file.
/// </summary>
public sealed class ChargerdOcppTests : IAsyncLifetime
{
    private const string Password = "0123456789abcdef0123";
    private static readonly TimeSpan Timeout = ProcessWait.Timeout;
    private readonly string dir = Directory.CreateTempSubdirectory("chargerd-ocpp").FullName;

    private string Socket => Path.Combine(dir, "control.sock");

    private string PasswordFile => Path.Combine(dir, "basic-auth-password");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Demo_WithoutCsmsUrl_BootsAtEmbeddedCsms_AndReportsStatusNotification()
    {
        var env = new Dictionary<string, string> { ["CHARGERD_Chargerd__DemoChargingSeconds"] = "1" };
        await using var chargerd = ChargerdProcess.Start(env, "--simulate", "--demo", "--control-socket", Socket, "--state-dir", dir);
        await chargerd.WaitForOutputAsync(o => o.Contains("demo: done", StringComparison.Ordinal), Timeout);

        var narrative = chargerd.StandardOutput;
        Assert.Contains("demo: started the development CSMS at ws://127.0.0.1:", narrative, StringComparison.Ordinal);
        Assert.Matches(@"ocpp: CC-SIM-0001 → CSMS\s+BootNotification\s+\{", narrative);
        Assert.Matches(@"ocpp: CSMS → CC-SIM-0001\s+BootNotification answer\s+\{.*""status"":""Accepted""", narrative);
        Assert.Contains("demo: BootNotification accepted", narrative, StringComparison.Ordinal);
        Assert.Matches(@"ocpp: CC-SIM-0001 → CSMS\s+StatusNotification\s+\{.*""connectorStatus"":""Occupied""", narrative);
        Assert.True(
            narrative.IndexOf("BootNotification accepted", StringComparison.Ordinal) < narrative.IndexOf("an EV is plugged", StringComparison.Ordinal),
            "the demo waits for registration before plugging in");

        var status = await StatusAsync();
        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.Equal("ocpp2.1", status.GetProperty("subprotocol").GetString());
        Assert.Equal("Accepted", status.GetProperty("bootStatus").GetString());
        Assert.Equal(0, status.GetProperty("queueDepth").GetInt32());
    }

    [Fact]
    public async Task CsmsUrl_BootsAtThatCsms_WithBasicAuthFromSecretFile_StatusShowsTheLink()
    {
        await using var csms = await StartCsmsAsync(["ocpp2.0.1"]);
        WritePassword(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var chargerd = StartAgainst(csms, "CC-TEST-7");

        var session = await csms.WaitForSessionAsync(timeout: Timeout);
        Assert.Equal("CC-TEST-7", session.StationId);
        var boot = await session.WaitForCallAsync("BootNotification", Timeout);
        Assert.Equal("PowerUp", boot.Json!.Value[3].GetProperty("reason").GetString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CC-TEST-7:" + Password)), csms.Attempts[0].Authorization);
        await session.WaitForCallAsync("StatusNotification", Timeout);

        var status = await WaitForStatusAsync(s => s.GetProperty("bootStatus").GetString() == "Accepted");
        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.Equal("ocpp2.0.1", status.GetProperty("subprotocol").GetString());

        chargerd.Terminate();
        Assert.Equal(0, await chargerd.WaitForExitAsync(Timeout));
    }

    [Fact]
    public async Task ResetImmediate_ExitsWithRestartCode_NextRunBootsWithRemoteReset()
    {
        await using var csms = await StartCsmsAsync(["ocpp2.1", "ocpp2.0.1"]);
        WritePassword(UnixFileMode.UserRead);
        await using (var first = StartAgainst(csms, "CC-TEST-8"))
        {
            var session = await csms.WaitForSessionAsync(timeout: Timeout);
            await session.WaitForCallAsync("StatusNotification", Timeout);
            var reply = await session.CallAsync("Reset", """{"type":"Immediate"}""", Timeout);
            Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
            Assert.Equal(75, await first.WaitForExitAsync(Timeout));
        }

        await using var second = StartAgainst(csms, "CC-TEST-8");
        var again = await csms.WaitForSessionAsync(2, Timeout);
        var boot = await again.WaitForCallAsync("BootNotification", Timeout);
        Assert.Equal("RemoteReset", boot.Json!.Value[3].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CsmsUrl_WithWorldReadablePasswordFile_RefusesToStart_Exit2()
    {
        WritePassword(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var chargerd = ChargerdProcess.Start(
            new Dictionary<string, string> { ["CHARGERD_Chargerd__BasicAuthPasswordFile"] = PasswordFile },
            "--simulate", "--csms-url", "ws://127.0.0.1:9/ocpp", "--control-socket", Socket, "--state-dir", dir);
        Assert.Equal(2, await chargerd.WaitForExitAsync(Timeout));
        Assert.Contains("chmod 600", chargerd.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsmsUrl_WithoutPasswordFile_RefusesToStart_Exit2_NamingTheFile()
    {
        await using var chargerd = ChargerdProcess.Start(
            new Dictionary<string, string> { ["CHARGERD_Chargerd__BasicAuthPasswordFile"] = PasswordFile },
            "--simulate", "--csms-url", "ws://127.0.0.1:9/ocpp", "--control-socket", Socket, "--state-dir", dir);
        Assert.Equal(2, await chargerd.WaitForExitAsync(Timeout));
        Assert.Contains(PasswordFile, chargerd.StandardError, StringComparison.Ordinal);
    }

    private static async Task<LoopbackCsms> StartCsmsAsync(IReadOnlyList<string> subprotocols)
    {
        var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = Password, SupportedSubprotocols = subprotocols });
        csms.Respond("BootNotification", _ => $$"""{"currentTime":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}","interval":300,"status":"Accepted"}""");
        csms.Respond("StatusNotification", "{}");
        csms.Respond("SecurityEventNotification", "{}");
        csms.Respond("Heartbeat", _ => $$"""{"currentTime":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}"}""");
        return csms;
    }

    private ChargerdProcess StartAgainst(LoopbackCsms csms, string stationId) => ChargerdProcess.Start(
        new Dictionary<string, string> { ["CHARGERD_Chargerd__BasicAuthPasswordFile"] = PasswordFile },
        "--simulate", "--csms-url", csms.Endpoint.ToString(), "--station-id", stationId, "--control-socket", Socket, "--state-dir", dir);

    private void WritePassword(UnixFileMode mode)
    {
        File.WriteAllText(PasswordFile, Password + "\n");
        File.SetUnixFileMode(PasswordFile, mode);
    }

    private async Task<JsonElement> StatusAsync()
    {
        var result = await ChargerctlRun.RunAsync("--socket", Socket, "status", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private async Task<JsonElement> WaitForStatusAsync(Func<JsonElement, bool> condition)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            if (File.Exists(Socket))
            {
                var result = await ChargerctlRun.RunAsync("--socket", Socket, "status", "--json");
                if (result.ExitCode == 0 && JsonDocument.Parse(result.Output).RootElement is var status && condition(status))
                {
                    return status;
                }
            }

            await Task.Delay(100, cts.Token);
        }
    }
}
