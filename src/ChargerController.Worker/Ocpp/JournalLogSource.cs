using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Diagnostics.LogUpload;

namespace ChargerController.Worker.Ocpp;

/// <summary>
/// The diagnostics log of chargerd for GetLog (N01.FR.04): the service's journal entries, as <c>journalctl -o json</c>
/// lines (every field journald keeps, PRIORITY included), limited to GetLog's time window. Only offered when chargerd
/// runs under systemd; elsewhere there is no journal of this process to upload.
/// </summary>
internal sealed class JournalLogSource : ILogSource
{
    private const int MaxBytes = 16 * 1024 * 1024;
    private readonly string _unit;
    private readonly string _journalctl;

    public JournalLogSource(string unit = "chargercontroller", string journalctl = "journalctl")
    {
        _unit = unit;
        _journalctl = journalctl;
    }

    public bool Supports(LogEnumType logType) => logType == LogEnumType.DiagnosticsLog;

    public async Task<LogFile> CollectAsync(LogQuery query, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_journalctl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(_unit, query))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new IOException("journalctl is not available", ex);
        }

        try
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new IOException("journalctl failed: " + (await errors.ConfigureAwait(false)).Trim());
            }

            var bytes = Encoding.UTF8.GetBytes(output);

            // The newest entries matter most for a support case: keep the tail, cut at a line start.
            if (bytes.Length > MaxBytes)
            {
                var from = Array.IndexOf(bytes, (byte)'\n', bytes.Length - MaxBytes) + 1;
                bytes = bytes[from..];
            }

            return new LogFile(bytes);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
    }

    /// <summary>Builds the journalctl arguments for a query (time window in UTC, JSON lines).</summary>
    public static IReadOnlyList<string> Arguments(string unit, LogQuery query)
    {
        var args = new List<string> { "-u", unit, "--no-pager", "--utc", "-o", "json" };
        if (query.OldestTimestamp is { } oldest)
        {
            args.Add("--since=@" + oldest.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        if (query.LatestTimestamp is { } latest)
        {
            args.Add("--until=@" + latest.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        return args;
    }
}
