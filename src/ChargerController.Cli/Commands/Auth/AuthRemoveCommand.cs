using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Auth;

/// <summary><c>chargerctl auth remove ID_TOKEN [--type T] [--json]</c>.</summary>
public static class AuthRemoveCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var token = new Argument<string>("ID_TOKEN") { Description = "The token to remove" };
        var type = AuthCommand.TypeOption();
        var json = ControlCall.JsonOption();
        var command = new Command("remove", "Remove an entry (exit 11 when there is none)") { token, type, json };
        command.SetAction((parseResult, ct) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.AuthRemove, new Dictionary<string, string>
            {
                [ControlArgs.IdToken] = parseResult.GetRequiredValue(token),
                [ControlArgs.TokenType] = parseResult.GetValue(type)!,
            }),
            ct));
        return command;
    }
}
