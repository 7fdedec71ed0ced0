using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Cli.Output;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Queue;

/// <summary><c>chargerctl queue stats [--json]</c>.</summary>
public static class QueueStatsCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var json = ControlCall.JsonOption();
        var command = new Command("stats", "Queued, size, oldest, and what was discarded or dropped") { json };
        command.SetAction((parseResult, ct) => ControlCall.QueryAsync(
            parseResult, services, parseResult.GetValue(json), new ControlRequest(ControlCommands.QueueStats), ControlJsonContext.Default.QueueStats, QueueRenderer.Format, ct));
        return command;
    }
}
