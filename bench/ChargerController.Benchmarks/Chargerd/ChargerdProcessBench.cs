using System.Diagnostics;
using System.Globalization;
using ChargerController.Control.Client;
using ChargerController.Control.Wire;
using ChargerController.Testing.Csms;

namespace ChargerController.Benchmarks.Chargerd;

/// <summary>
/// chargerd as a process, the way a user meets it (numbers for docs/PERFORMANCE.md, "chargerd process"):
/// <list type="bullet">
/// <item><c>--boot N</c>: process start → BootNotification frame received by a loopback CSMS, N runs, <c>--simulate --evses 2</c>.</item>
/// <item><c>--charge MINUTES</c>: both EVSEs charging for MINUTES; resident memory (VmRSS, VmHWM) and CPU share sampled from /proc.</item>
/// </list>
/// Usage: <c>dotnet run -c Release --project bench/ChargerController.Benchmarks -- --chargerd PATH (--boot N | --charge MINUTES)</c>,
/// PATH being chargerd.dll (run with dotnet) or a native chargerd executable.
/// </summary>
internal static class ChargerdProcessBench
{
    private const string Password = "bench-password-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            await Console.Error.WriteLineAsync("usage: --chargerd PATH (--boot N | --charge MINUTES)");
            return 2;
        }

        var chargerd = Path.GetFullPath(args[0]);
        var amount = double.Parse(args[2], CultureInfo.InvariantCulture);
        return args[1] switch
        {
            "--boot" => await BootAsync(chargerd, (int)amount),
            "--charge" => await ChargeAsync(chargerd, TimeSpan.FromMinutes(amount)),
            _ => 2,
        };
    }

    private static async Task<int> BootAsync(string chargerd, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using var csms = await StartCsmsAsync();
            using var state = new TempDir();
            var started = DateTimeOffset.UtcNow;
            using var process = Start(chargerd, csms, state.Path);
            try
            {
                var session = await csms.WaitForSessionAsync(timeout: TimeSpan.FromSeconds(30));
                var boot = await session.WaitForCallAsync("BootNotification", TimeSpan.FromSeconds(30));
                times.Add((boot.At - started).TotalMilliseconds);
            }
            finally
            {
                Stop(process);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start → BootNotification over {runs} runs: min {times[0]:0} ms, median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms"));
        return 0;
    }

    private static async Task<int> ChargeAsync(string chargerd, TimeSpan duration)
    {
        await using var csms = await StartCsmsAsync();
        using var state = new TempDir();
        using var process = Start(chargerd, csms, state.Path);
        try
        {
            var session = await csms.WaitForSessionAsync(timeout: TimeSpan.FromSeconds(30));
            await session.WaitForCallAsync("BootNotification", TimeSpan.FromSeconds(30));
            var client = new ControlClient(Path.Combine(state.Path, "control.sock"));
            foreach (var evse in new[] { "1", "2" })
            {
                await SendAsync(client, ControlCommands.EvseStart, evse);
                await SendAsync(client, ControlCommands.SimPlug, evse);
            }

            var ticks0 = CpuTicks(process.Id);
            var wall = Stopwatch.StartNew();
            var maxRss = 0L;
            while (wall.Elapsed < duration)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                var rss = Status(process.Id, "VmRSS");
                maxRss = Math.Max(maxRss, rss);
                if ((int)wall.Elapsed.TotalSeconds % 30 < 5)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {wall.Elapsed.TotalSeconds,5:0} s  VmRSS {rss / 1024.0:0.0} MB"));
                }

                var status = await client.SendAsync(new ControlRequest(ControlCommands.Status), CancellationToken.None);
                var evses = status.Result!.Value.GetProperty("evses");
                if (evses.EnumerateArray().Any(e => !e.GetProperty("contactorClosed").GetBoolean()))
                {
                    await Console.Error.WriteLineAsync("an EVSE stopped charging: " + status.Result.Value.GetRawText());
                    return 1;
                }
            }

            var cpu = (CpuTicks(process.Id) - ticks0) / 100.0 / wall.Elapsed.TotalSeconds * 100;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"charging 2 EVSEs for {wall.Elapsed.TotalMinutes:0.0} min: VmRSS now {Status(process.Id, "VmRSS") / 1024.0:0.0} MB, max sampled {maxRss / 1024.0:0.0} MB, VmHWM {Status(process.Id, "VmHWM") / 1024.0:0.0} MB; CPU {cpu:0.00} % of one core"));
            return 0;
        }
        finally
        {
            Stop(process);
        }
    }

    private static async Task SendAsync(ControlClient client, string command, string evse)
    {
        var answer = await client.SendAsync(new ControlRequest(command, new Dictionary<string, string> { [ControlArgs.Evse] = evse }), CancellationToken.None);
        if (!answer.Ok)
        {
            throw new InvalidOperationException($"{command} {evse}: {answer.Error?.Message}");
        }
    }

    private static async Task<LoopbackCsms> StartCsmsAsync()
    {
        var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = Password });
        var now = () => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        csms.Respond("BootNotification", _ => $$"""{"currentTime":"{{now()}}","interval":300,"status":"Accepted"}""");
        csms.Respond("Heartbeat", _ => $$"""{"currentTime":"{{now()}}"}""");
        foreach (var action in new[] { "StatusNotification", "SecurityEventNotification", "TransactionEvent", "MeterValues", "NotifyEvent", "Authorize" })
        {
            csms.Respond(action, action == "Authorize" ? """{"idTokenInfo":{"status":"Accepted"}}""" : "{}");
        }

        return csms;
    }

    private static Process Start(string chargerd, LoopbackCsms csms, string state)
    {
        var password = Path.Combine(state, "password");
        File.WriteAllText(password, Password);
        File.SetUnixFileMode(password, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var dll = chargerd.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(dll ? "dotnet" : chargerd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (dll)
        {
            start.ArgumentList.Add(chargerd);
        }

        foreach (var a in new[] { "--simulate", "--evses", "2", "--csms-url", csms.Endpoint.ToString(), "--state-dir", state, "--control-socket", Path.Combine(state, "control.sock") })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["CHARGERD_Chargerd__BasicAuthPasswordFile"] = password;
        start.Environment["CHARGERD_Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static long Status(int pid, string key) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("chargerd-bench").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
