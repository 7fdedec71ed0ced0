using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Cli.Output;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Config;

/// <summary><c>chargerctl config list [FILTER] [--json]</c>.</summary>
public static class ConfigListCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var filter = new Argument<string?>("FILTER") { Description = "Only keys containing this text (case-insensitive), e.g. OCPPCommCtrlr", Arity = ArgumentArity.ZeroOrOne };
        var json = ControlCall.JsonOption();
        var command = new Command("list", "List every variable with value, mutability and allowed values") { filter, json };
        command.SetAction((parseResult, ct) => ControlCall.QueryAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.ConfigList, parseResult.GetValue(filter) is { } f ? new Dictionary<string, string> { [ControlArgs.Key] = f } : null),
            ControlJsonContext.Default.ConfigList,
            ConfigRenderer.Format,
            ct));
        return command;
    }
}
