using System.Text.Json;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>chargerctl against one running chargerd's control socket, as a technician's script would poll it.</summary>
internal sealed class ControlSocketClient(string socket)
{
    /// <summary>Waits until chargerd has created its control socket; fails when the process ends first.</summary>
    public static async Task WaitForSocketAsync(ChargerdProcess chargerd, string path, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!File.Exists(path))
        {
            Assert.False(chargerd.HasExited, chargerd.StandardError);
            await Task.Delay(50, cts.Token);
        }
    }

    /// <summary>Runs a chargerctl command that must succeed (exit 0).</summary>
    public async Task RunAsync(params string[] args)
    {
        var result = await ChargerctlRun.RunAsync(["--socket", socket, .. args]);
        Assert.True(result.ExitCode == 0, $"chargerctl {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
    }

    /// <summary><c>chargerctl status --json</c>, parsed.</summary>
    public async Task<JsonElement> StatusAsync()
    {
        var result = await ChargerctlRun.RunAsync("--socket", socket, "status", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    /// <summary>Polls the status until <paramref name="condition"/> holds (<see cref="ProcessWait.Timeout"/>, then the test fails).</summary>
    public async Task<JsonElement> StatusWhenAsync(Func<JsonElement, bool> condition, string what = "the station")
    {
        using var cts = new CancellationTokenSource(ProcessWait.Timeout);
        JsonElement status = default;
        while (!cts.IsCancellationRequested)
        {
            status = await StatusAsync();
            if (condition(status))
            {
                return status;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        Assert.Fail($"{what} never reached the expected state; last: {status}");
        return status;
    }

    /// <summary>Polls until EVSE <paramref name="id"/> meets <paramref name="condition"/>; returns that EVSE's status.</summary>
    public async Task<JsonElement> EvseWhenAsync(int id, Func<JsonElement, bool> condition) =>
        (await StatusWhenAsync(s => condition(s.GetProperty("evses")[id - 1]), $"EVSE {id}")).GetProperty("evses")[id - 1];
}
