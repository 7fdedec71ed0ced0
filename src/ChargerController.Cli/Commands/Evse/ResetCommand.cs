using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Evse;

/// <summary>
/// <c>chargerctl evse reset EVSE [--force] [--json]</c>: resets one EVSE the way an OCPP Reset with evseId does (its loop
/// starts afresh, the other EVSEs and the CSMS connection carry on); refused while the EVSE has a session or transaction,
/// unless <c>--force</c> ends that transaction first (Immediate, stoppedReason ImmediateReset).
/// </summary>
public static class ResetCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var evse = EvseArgument.Create();
        var force = new Option<bool>("--force") { Description = "Reset even during a session: its transaction ends first (stoppedReason ImmediateReset)" };
        var json = ControlCall.JsonOption();
        var command = new Command("reset", "Reset one EVSE (as an OCPP Reset with evseId); refused during a session unless --force") { evse, force, json };
        command.SetAction((parseResult, cancellationToken) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.EvseReset, new Dictionary<string, string>
            {
                [ControlArgs.Evse] = parseResult.GetValue(evse).ToString(CultureInfo.InvariantCulture),
                [ControlArgs.Force] = parseResult.GetValue(force) ? "true" : "false",
            }),
            cancellationToken));
        return command;
    }
}
