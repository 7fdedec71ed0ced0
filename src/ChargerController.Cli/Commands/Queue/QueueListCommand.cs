using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Commands.Control;
using ChargerController.Cli.Output;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Queue;

/// <summary><c>chargerctl queue list [--limit N] [--json]</c>.</summary>
public static class QueueListCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many messages (default 50)", DefaultValueFactory = _ => 50 };
        var json = ControlCall.JsonOption();
        var command = new Command("list", "Queued messages in delivery order (action, kind, attempts, transaction; no payloads)") { limit, json };
        command.SetAction((parseResult, ct) => ControlCall.QueryAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.QueueList, new Dictionary<string, string> { [ControlArgs.Limit] = parseResult.GetValue(limit).ToString(CultureInfo.InvariantCulture) }),
            ControlJsonContext.Default.QueueList,
            QueueRenderer.Format,
            ct));
        return command;
    }
}
