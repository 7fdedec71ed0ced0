using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Sim;

/// <summary>
/// <c>chargerctl sim masterpass all|cancel|EVSE[,EVSE…] [--json]</c>: the master pass holder's choice on the simulated
/// station's Master Pass UI (OCPP C16), which opens when a card whose group is AuthCtrlr.MasterPassGroupId is presented.
/// </summary>
public static class MasterPassCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var choice = new Argument<string>("CHOICE") { Description = "all (stop every transaction), cancel (stop none), or the EVSEs whose transaction to stop, e.g. 2 or 1,3" };
        choice.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (value is not ("all" or "cancel") && !value.Split(',').All(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1))
            {
                result.AddError($"'{value}' is not all, cancel or a list of EVSE ids such as 1,2");
            }
        });
        var json = ControlCall.JsonOption();
        var command = new Command("masterpass", "Answer the Master Pass UI: which transactions the master pass stops") { choice, json };
        command.SetAction((parseResult, cancellationToken) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.SimMasterPass, new Dictionary<string, string> { [ControlArgs.Choice] = parseResult.GetRequiredValue(choice) }),
            cancellationToken));
        return command;
    }
}
