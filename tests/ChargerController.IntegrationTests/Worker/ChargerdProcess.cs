using System.Diagnostics;
using System.Text;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>Runs the real chargerd (the built chargerd.dll beside the tests) as a separate process.</summary>
internal sealed class ChargerdProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private ChargerdProcess(Process process)
    {
        this.process = process;
    }

    public string StandardOutput { get { lock (stdout) { return stdout.ToString(); } } }

    public string StandardError { get { lock (stderr) { return stderr.ToString(); } } }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static ChargerdProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    public static ChargerdProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chargerd.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var p = new Process { StartInfo = psi };
        var wrapper = new ChargerdProcess(p);
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (wrapper.stdout) { wrapper.stdout.AppendLine(e.Data); } } };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (wrapper.stderr) { wrapper.stderr.AppendLine(e.Data); } } };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return wrapper;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as systemd stops the service.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    /// <summary>SIGKILL: no handler runs, nothing is flushed or closed; for the process, like pulling the plug.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var cts = new CancellationTokenSource(ProcessWait.Timeout);
        await process.WaitForExitAsync(cts.Token);
    }

    /// <summary>Waits until <paramref name="condition"/> holds on stdout (polls; fails the test after <paramref name="timeout"/>).</summary>
    public async Task WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition(StandardOutput))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"chargerd exited with {process.ExitCode}: {StandardError}");
            }

            await Task.Delay(50, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
