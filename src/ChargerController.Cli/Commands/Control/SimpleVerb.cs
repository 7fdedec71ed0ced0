using System.CommandLine;
using System.Globalization;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Control;

/// <summary>A verb that takes an EVSE id, sends one control command and prints chargerd's answer.</summary>
public static class SimpleVerb
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <param name="name">Verb name.</param>
    /// <param name="description">Help text.</param>
    /// <param name="command">Control command name.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services, string name, string description, string command)
    {
        var evse = EvseArgument.Create();
        var json = ControlCall.JsonOption();
        var verb = new Command(name, description) { evse, json };
        verb.SetAction((parseResult, cancellationToken) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(command, new Dictionary<string, string> { [ControlArgs.Evse] = parseResult.GetValue(evse).ToString(CultureInfo.InvariantCulture) }),
            cancellationToken));
        return verb;
    }
}
