using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Cli.Output;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Config;

/// <summary><c>chargerctl config get KEY [--json]</c>.</summary>
public static class ConfigGetCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var key = new Argument<string>("KEY") { Description = "Component/Variable (e.g. OCPPCommCtrlr/HeartbeatInterval), Component@EVSE/Variable, or local:Name" };
        var json = ControlCall.JsonOption();
        var command = new Command("get", "Show one value") { key, json };
        command.SetAction((parseResult, ct) => ControlCall.QueryAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.ConfigGet, new Dictionary<string, string> { [ControlArgs.Key] = parseResult.GetRequiredValue(key) }),
            ControlJsonContext.Default.ConfigVariable,
            ConfigRenderer.Format,
            ct));
        return command;
    }
}
