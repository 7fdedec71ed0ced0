using System.CommandLine;

namespace ChargerController.Cli.Commands.Sim;

/// <summary><c>chargerctl sim …</c>: act on the simulated EV and devices of <c>chargerd --simulate</c> (exit code 9 otherwise).</summary>
public static class SimCommand
{
    /// <summary>Creates the noun with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => new("sim", "Simulated EV, card reader and faults (chargerd --simulate only)")
    {
        PlugCommand.Create(services),
        UnplugCommand.Create(services),
        TapCommand.Create(services),
        EvCommand.Create(services),
        FaultCommand.Create(services),
        PayCommand.Create(services),
        MasterPassCommand.Create(services),
    };
}
