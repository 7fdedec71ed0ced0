using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Sim;

/// <summary><c>chargerctl sim tap UID [--json]</c>: presents a card (UID in hex, 4, 7 or 10 bytes) to the simulated reader.</summary>
public static class TapCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var uid = new Argument<string>("UID") { Description = "Card UID in hex, e.g. 04A1B2C3" };
        var json = ControlCall.JsonOption();
        var command = new Command("tap", "Present a card to the simulated reader") { uid, json };
        command.SetAction((parseResult, cancellationToken) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.SimTap, new Dictionary<string, string> { [ControlArgs.Uid] = parseResult.GetRequiredValue(uid) }),
            cancellationToken));
        return command;
    }
}
