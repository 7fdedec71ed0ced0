using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Auth;

/// <summary><c>chargerctl auth add ID_TOKEN [--type T] [--status S] [--expires RFC3339] [--json]</c>.</summary>
public static class AuthAddCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var token = new Argument<string>("ID_TOKEN") { Description = "The token, e.g. a card UID in hex (04A1B2C3)" };
        var type = AuthCommand.TypeOption();
        var status = new Option<string>("--status") { Description = "Accepted (default), Blocked, Expired, Invalid …", DefaultValueFactory = _ => "Accepted" };
        var expires = new Option<string?>("--expires") { Description = "Expiry as RFC 3339, e.g. 2026-12-31T23:59:59Z" };
        var json = ControlCall.JsonOption();
        var command = new Command("add", "Add or update an entry") { token, type, status, expires, json };
        command.SetAction((parseResult, ct) =>
        {
            var args = new Dictionary<string, string>
            {
                [ControlArgs.IdToken] = parseResult.GetRequiredValue(token),
                [ControlArgs.TokenType] = parseResult.GetValue(type)!,
                [ControlArgs.Status] = parseResult.GetValue(status)!,
            };
            if (parseResult.GetValue(expires) is { } e)
            {
                args[ControlArgs.Expires] = e;
            }

            return ControlCall.RunAsync(parseResult, services, parseResult.GetValue(json), new ControlRequest(ControlCommands.AuthAdd, args), ct);
        });
        return command;
    }
}
