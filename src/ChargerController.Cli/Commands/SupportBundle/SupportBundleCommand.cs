using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ChargerController.Cli.Commands.Control;
using ChargerController.Cli.Commands.Logs;
using ChargerController.Cli.Output;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.SupportBundle;

/// <summary>
/// <c>chargerctl support-bundle [--output FILE] [--config FILE] [--lines N] [--json]</c>: one archive a technician can
/// send to the maker: journal, redacted configuration, versions, database statistics, status and queue. Whatever
/// cannot be collected (chargerd stopped, no journal, unreadable file) is listed in <c>warnings.txt</c> instead of
/// failing the bundle: a broken station is exactly when the bundle is needed.
/// </summary>
public static class SupportBundleCommand
{
    /// <summary>The default configuration file.</summary>
    public const string DefaultConfigFile = "/etc/chargercontroller/chargercontroller.json";

    /// <summary>Creates the command.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var output = new Option<string?>("--output", "-o") { Description = "Archive to write (default ./chargercontroller-support-<UTC time>.tar.gz); never overwritten" };
        var config = new Option<string>("--config") { Description = $"Configuration file to include, redacted (default {DefaultConfigFile})", DefaultValueFactory = _ => DefaultConfigFile };
        var lines = new Option<int>("--lines", "-n") { Description = "Journal entries to include (default 10000)", DefaultValueFactory = _ => 10000 };
        var json = ControlCall.JsonOption();
        var command = new Command("support-bundle", "Collect logs, redacted config, versions, database statistics and status into one .tar.gz") { output, config, lines, json };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async (stdout, stderr, ct) =>
            {
                var now = services.Time.GetUtcNow();
                var stamp = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                var path = Path.GetFullPath(parseResult.GetValue(output) ?? $"chargercontroller-support-{stamp}.tar.gz");
                if (File.Exists(path))
                {
                    return CliError.Report(stderr, ExitCodes.Usage, $"{path} exists; choose another --output");
                }

                var warnings = new List<string>();
                IReadOnlyList<string> files;
                var archive = new BundleArchive(path, "chargercontroller-support-" + stamp, now);
                await using (archive.ConfigureAwait(false))
                {
                    await CollectAsync(parseResult, services, archive, parseResult.GetValue(config)!, Math.Max(1, parseResult.GetValue(lines)), warnings, ct).ConfigureAwait(false);
                    if (warnings.Count > 0)
                    {
                        await archive.AddAsync("warnings.txt", string.Join('\n', warnings) + "\n", ct).ConfigureAwait(false);
                    }

                    files = [.. archive.Names];
                }

                foreach (var warning in warnings)
                {
                    await stderr.WriteLineAsync("chargerctl: warning: " + warning).ConfigureAwait(false);
                }

                await stdout.WriteLineAsync(parseResult.GetValue(json)
                    ? JsonSerializer.Serialize(new SupportBundleJson(path, files, warnings), CliJsonContext.Default.SupportBundleJson)
                    : $"support bundle written: {path} ({files.Count} files{(warnings.Count > 0 ? $", {warnings.Count} warning(s)" : string.Empty)})").ConfigureAwait(false);
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static async Task CollectAsync(ParseResult parseResult, CliServices services, BundleArchive archive, string configFile, int lines, List<string> warnings, CancellationToken ct)
    {
        string? chargerdVersion = null;
        var status = await QueryAsync(parseResult, services, ControlCommands.Status, warnings, ct).ConfigureAwait(false);
        if (status is { } s)
        {
            chargerdVersion = s.TryGetProperty("version", out var v) ? v.GetString() : null;
            await archive.AddAsync("status.json", s.GetRawText(), ct).ConfigureAwait(false);
            foreach (var (command, name) in new[] { (ControlCommands.ConfigList, "config-values.json"), (ControlCommands.QueueStats, "queue-stats.json"), (ControlCommands.QueueList, "queue-list.json"), (ControlCommands.DiagDatabase, "database.json") })
            {
                if (await QueryAsync(parseResult, services, command, warnings, ct).ConfigureAwait(false) is { } answer)
                {
                    await archive.AddAsync(name, answer.GetRawText(), ct).ConfigureAwait(false);
                }
            }
        }

        await archive.AddAsync("versions.txt", Versions(chargerdVersion), ct).ConfigureAwait(false);

        try
        {
            await archive.AddAsync("chargercontroller.json", ConfigRedactor.Redact(await File.ReadAllTextAsync(configFile, ct).ConfigureAwait(false)), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"configuration file {configFile} not included: {ex.Message}");
        }

        var journal = new StringWriter(CultureInfo.InvariantCulture);
        var journalErrors = new StringWriter(CultureInfo.InvariantCulture);
        var code = await Journal.RunAsync(services.Journalctl, Journal.Arguments(services.ServiceUnit, lines, follow: false, json: false), journal, journalErrors, ct).ConfigureAwait(false);
        if (code is null)
        {
            warnings.Add($"no journal: '{services.Journalctl}' not found on this system");
        }
        else
        {
            if (code != 0)
            {
                warnings.Add($"journalctl exited {code}: {journalErrors.ToString().Trim()}");
            }

            await archive.AddAsync("journal.txt", journal.ToString(), ct).ConfigureAwait(false);
        }
    }

    private static async Task<JsonElement?> QueryAsync(ParseResult parseResult, CliServices services, string command, List<string> warnings, CancellationToken ct)
    {
        var errors = new StringWriter(CultureInfo.InvariantCulture);
        var answer = await ControlCall.SendAsync(parseResult, services, new ControlRequest(command), errors, ct).ConfigureAwait(false);
        if (answer.Ok)
        {
            return answer.Result;
        }

        var reason = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Replace("chargerctl: error: ", string.Empty, StringComparison.Ordinal).Trim();
        warnings.Add($"chargerd '{command}' not included: {reason}");
        return null;
    }

    private static string Versions(string? chargerdVersion)
    {
        var text = new StringBuilder();
        var cli = typeof(SupportBundleCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        text.Append("chargerctl: ").AppendLine(cli);
        text.Append("chargerd:   ").AppendLine(chargerdVersion ?? "unknown (not reachable)");
        text.Append(".NET:       ").AppendLine(RuntimeInformation.FrameworkDescription);
        text.Append("OS:         ").AppendLine(RuntimeInformation.OSDescription);
        text.Append("arch:       ").AppendLine(RuntimeInformation.OSArchitecture.ToString());
        try
        {
            text.Append("kernel:     ").AppendLine(File.ReadAllText("/proc/sys/kernel/osrelease").Trim());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            text.AppendLine("unknown");
        }

        return text.ToString();
    }
}
