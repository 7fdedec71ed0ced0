using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Cli.Output;

namespace ChargerController.Cli.Commands.Logs;

/// <summary><c>chargerctl logs [--follow] [--lines N] [--json]</c>: the service's journal.</summary>
public static class LogsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new entries until Ctrl+C" };
        var lines = new Option<int>("--lines", "-n") { Description = "How many recent entries (default 100)", DefaultValueFactory = _ => 100 };
        var json = ControlCall.JsonOption();
        json.Description = "One JSON object per entry (journalctl -o json: MESSAGE, PRIORITY, _PID, __REALTIME_TIMESTAMP …)";
        var command = new Command("logs", $"The journal of the {services.ServiceUnit} service (journalctl -u {services.ServiceUnit})") { follow, lines, json };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async (output, error, ct) =>
            {
                var count = parseResult.GetValue(lines);
                if (count < 1)
                {
                    return CliError.Report(error, ExitCodes.Usage, "--lines must be at least 1");
                }

                var arguments = Journal.Arguments(services.ServiceUnit, count, parseResult.GetValue(follow), parseResult.GetValue(json));
                int? code;
                try
                {
                    code = await Journal.RunAsync(services.Journalctl, arguments, output, error, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C is how --follow ends.
                    return ExitCodes.Success;
                }

                return code switch
                {
                    null => CliError.Report(error, ExitCodes.NotAvailable, $"'{services.Journalctl}' not found: this system has no systemd journal (on a development machine, read chargerd's console output instead)"),
                    0 => ExitCodes.Success,
                    _ => CliError.Report(error, ExitCodes.NotAvailable, $"journalctl failed (exit {code}); to read the service's journal, be root or in group systemd-journal or adm"),
                };
            },
            cancellationToken));
        return command;
    }
}
