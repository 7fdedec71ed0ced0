using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Evse;

/// <summary><c>chargerctl evse availability EVSE operative|inoperative [--json]</c>: ChangeAvailability from the console.</summary>
public static class AvailabilityCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var evse = EvseArgument.Create();
        var availability = new Argument<string>("AVAILABILITY") { Description = "operative or inoperative (inoperative stops a running session)" };
        availability.AcceptOnlyFromAmong("operative", "inoperative");
        var json = ControlCall.JsonOption();
        var command = new Command("availability", "Set the EVSE operative or inoperative") { evse, availability, json };
        command.SetAction((parseResult, cancellationToken) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.EvseAvailability, new Dictionary<string, string>
            {
                [ControlArgs.Evse] = parseResult.GetValue(evse).ToString(CultureInfo.InvariantCulture),
                [ControlArgs.Availability] = parseResult.GetRequiredValue(availability),
            }),
            cancellationToken));
        return command;
    }
}
