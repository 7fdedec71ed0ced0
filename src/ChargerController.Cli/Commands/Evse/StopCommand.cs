using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Evse;

/// <summary><c>chargerctl evse stop EVSE [--json]</c>: stops the session on the EVSE.</summary>
public static class StopCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => SimpleVerb.Create(services, "stop", "Stop the session (PWM off, contactor opens once the EV stops drawing)", ControlCommands.EvseStop);
}
