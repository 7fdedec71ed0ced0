using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Sim;

/// <summary><c>chargerctl sim fault EVSE weld|rcd|diode|meter-loss|clear [--json]</c>: injects a device fault, or removes them all.</summary>
public static class FaultCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var evse = EvseArgument.Create();
        var fault = new Argument<string>("FAULT") { Description = "weld (seen at the next opening), rcd, diode (seen while PWM runs), meter-loss (seen after the grace), clear" };
        fault.AcceptOnlyFromAmong("weld", "rcd", "diode", "meter-loss", "clear");
        var json = ControlCall.JsonOption();
        var command = new Command("fault", "Inject a simulated device fault or clear them") { evse, fault, json };
        command.SetAction((parseResult, cancellationToken) => ControlCall.RunAsync(
            parseResult,
            services,
            parseResult.GetValue(json),
            new ControlRequest(ControlCommands.SimFault, new Dictionary<string, string>
            {
                [ControlArgs.Evse] = parseResult.GetValue(evse).ToString(CultureInfo.InvariantCulture),
                [ControlArgs.Fault] = parseResult.GetRequiredValue(fault),
            }),
            cancellationToken));
        return command;
    }
}
