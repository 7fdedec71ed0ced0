using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Sim;

/// <summary>
/// <c>chargerctl sim pay EVSE approve|decline|fail|cancel [--json]</c>: a payment card at the simulated payment terminal
/// (OCPP 2.1 ad hoc payment, C18); <c>cancel</c> is the driver cancelling the last approved payment of the EVSE (C19/C20).
/// </summary>
public static class PayCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var evse = EvseArgument.Create();
        var outcome = new Argument<string>("OUTCOME") { Description = "approve (the PSP reserves PaymentCtrlr.AuthorizationAmount), decline, fail (terminal cannot reach the PSP), cancel (the driver cancels)" };
        outcome.AcceptOnlyFromAmong("approve", "decline", "fail", "cancel");
        var json = ControlCall.JsonOption();
        var command = new Command("pay", "Present a payment card at the simulated payment terminal") { evse, outcome, json };
        command.SetAction((parseResult, cancellationToken) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.SimPay, new Dictionary<string, string>
            {
                [ControlArgs.Evse] = parseResult.GetValue(evse).ToString(CultureInfo.InvariantCulture),
                [ControlArgs.Outcome] = parseResult.GetRequiredValue(outcome),
            }),
            cancellationToken));
        return command;
    }
}
