using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Sim;

/// <summary><c>chargerctl sim plug EVSE [--json]</c>: plugs the simulated EV in (it asks for power once offered).</summary>
public static class PlugCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => SimpleVerb.Create(services, "plug", "Plug the simulated EV in", ControlCommands.SimPlug);
}
