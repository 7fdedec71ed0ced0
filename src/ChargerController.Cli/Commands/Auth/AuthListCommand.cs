using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Cli.Output;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Auth;

/// <summary><c>chargerctl auth list [--json]</c>.</summary>
public static class AuthListCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var json = ControlCall.JsonOption();
        var command = new Command("list", "Show the list version and its entries") { json };
        command.SetAction((parseResult, ct) => ControlCall.QueryAsync(
            parseResult, services, parseResult.GetValue(json), new ControlRequest(ControlCommands.AuthList), ControlJsonContext.Default.AuthList, AuthRenderer.Format, ct));
        return command;
    }
}
