using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Evse;

/// <summary><c>chargerctl evse start EVSE [--id-token X] [--json]</c>: authorizes a session on the EVSE as a remote start would.</summary>
public static class StartCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var evse = EvseArgument.Create();
        var idToken = new Option<string?>("--id-token") { Description = "IdToken to start with (default CHARGERCTL)" };
        var json = ControlCall.JsonOption();
        var command = new Command("start", "Start a session (remote start): charging begins when an EV is plugged in") { evse, idToken, json };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var args = new Dictionary<string, string> { [ControlArgs.Evse] = parseResult.GetValue(evse).ToString(CultureInfo.InvariantCulture) };
            if (parseResult.GetValue(idToken) is { Length: > 0 } token)
            {
                args[ControlArgs.IdToken] = token;
            }

            return ControlCall.RunAsync(parseResult, services, parseResult.GetValue(json), new ControlRequest(ControlCommands.EvseStart, args), cancellationToken);
        });
        return command;
    }
}
