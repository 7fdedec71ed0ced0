using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Sim;

/// <summary><c>chargerctl sim unplug EVSE [--json]</c>: unplugs the simulated EV.</summary>
public static class UnplugCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => SimpleVerb.Create(services, "unplug", "Unplug the simulated EV", ControlCommands.SimUnplug);
}
