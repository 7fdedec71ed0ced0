using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Config;

/// <summary><c>chargerctl config set KEY VALUE [--json]</c>: validated and stored as an OCPP SetVariables would be.</summary>
public static class ConfigSetCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var key = new Argument<string>("KEY") { Description = "Component/Variable, e.g. OCPPCommCtrlr/HeartbeatInterval" };
        var value = new Argument<string>("VALUE") { Description = "New value (checked against type, range and allowed values)" };
        var json = ControlCall.JsonOption();
        var command = new Command("set", "Change a device-model variable (refused when read-only, secret or invalid)") { key, value, json };
        command.SetAction((parseResult, ct) => ControlCall.QueryAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.ConfigSet, new Dictionary<string, string>
            {
                [ControlArgs.Key] = parseResult.GetRequiredValue(key),
                [ControlArgs.Value] = parseResult.GetRequiredValue(value),
            }),
            ControlJsonContext.Default.ConfigSetResult,
            r => r.Message + Environment.NewLine,
            ct));
        return command;
    }
}
