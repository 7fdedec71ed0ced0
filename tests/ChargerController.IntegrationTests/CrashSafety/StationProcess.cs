using System.Diagnostics;
using System.Text;

namespace ChargerController.IntegrationTests.CrashSafety;

/// <summary>A station process started from one command line (so the test can switch from the crash host to chargerd).</summary>
internal sealed class StationProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();

    private StationProcess(Process process) => _process = process;

    public string Output { get { lock (_stdout) { return _stdout.ToString(); } } }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="commandLine"/> (program and arguments separated by spaces) plus <paramref name="extraArgs"/>.</summary>
    public static StationProcess Start(string commandLine, IEnumerable<string> extraArgs)
    {
        var parts = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var psi = new ProcessStartInfo(parts[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var part in parts.Skip(1).Concat(extraArgs))
        {
            psi.ArgumentList.Add(part);
        }

        psi.Environment["DOTNET_TieredPGO"] = "0";
        var process = new Process { StartInfo = psi };
        var wrapper = new StationProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (wrapper._stdout) { wrapper._stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (wrapper._stdout) { wrapper._stdout.AppendLine("ERR " + e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Polls stdout until <paramref name="condition"/> holds or the process exits; false on timeout or exit.</summary>
    public async Task<bool> WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Output))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>SIGKILL: no handler runs, no buffer is flushed; like pulling the plug for the process.</summary>
    public void KillHard()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited already.
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
