using System.ComponentModel;
using System.Diagnostics;

namespace ChargerController.Cli.Commands.Logs;

/// <summary>
/// Runs <c>journalctl</c> for the service's unit and streams its output. chargerd logs to the journal (systemd
/// console format, see the Worker), so the journal is the one place its history lives; reading it needs membership
/// of <c>systemd-journal</c> or <c>adm</c>, which journalctl itself explains when missing.
/// </summary>
internal static class Journal
{
    /// <summary>Builds the journalctl arguments.</summary>
    public static IReadOnlyList<string> Arguments(string unit, int lines, bool follow, bool json)
    {
        var args = new List<string> { "-u", unit, "--no-pager", "-n", lines.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", json ? "json" : "short-iso" };
        if (follow)
        {
            args.Add("-f");
        }

        return args;
    }

    /// <summary>Runs journalctl, copying its stdout line by line to <paramref name="output"/> and its stderr to <paramref name="error"/>.</summary>
    /// <returns>journalctl's exit code, or <see langword="null"/> when it could not be started (not installed).</returns>
    public static async Task<int?> RunAsync(string journalctl, IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(journalctl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }

        try
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await error.WriteAsync(await errors.ConfigureAwait(false)).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C ends a --follow: stop journalctl with us.
            process.Kill();
            throw;
        }
    }
}
