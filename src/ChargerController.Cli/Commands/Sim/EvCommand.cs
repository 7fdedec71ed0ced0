using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Sim;

/// <summary><c>chargerctl sim ev EVSE --state A|B|C|D [--json]</c>: what the simulated EV presents (A unplugs, B/C/D plug in if needed).</summary>
public static class EvCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var evse = EvseArgument.Create();
        var state = new Option<string>("--state") { Description = "A (unplugged), B (connected), C (wants power), D (wants power, ventilation)", Required = true };
        state.AcceptOnlyFromAmong("A", "B", "C", "D");
        var json = ControlCall.JsonOption();
        var command = new Command("ev", "Set the simulated EV's CP state") { evse, state, json };
        command.SetAction((parseResult, cancellationToken) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.SimEv, new Dictionary<string, string>
            {
                [ControlArgs.Evse] = parseResult.GetValue(evse).ToString(CultureInfo.InvariantCulture),
                [ControlArgs.State] = parseResult.GetRequiredValue(state),
            }),
            cancellationToken));
        return command;
    }
}
