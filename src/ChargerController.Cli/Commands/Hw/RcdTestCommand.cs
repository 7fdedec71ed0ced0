using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Hw;

/// <summary><c>chargerctl hw rcd-test EVSE [--json]</c>: runs the residual-current monitor self-test; refused while a vehicle is charging.</summary>
public static class RcdTestCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => SimpleVerb.Create(services, "rcd-test", "Run the RCD self-test (refused while a vehicle is charging)", ControlCommands.HwRcdTest);
}
