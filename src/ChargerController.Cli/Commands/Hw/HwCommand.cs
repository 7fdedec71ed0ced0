using System.CommandLine;

namespace ChargerController.Cli.Commands.Hw;

/// <summary><c>chargerctl hw …</c>: hardware tests run by chargerd's EVSE loop (never around it), refused while a vehicle is charging.</summary>
public static class HwCommand
{
    /// <summary>Creates the noun with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => new("hw", "Hardware tests through chargerd (refused while a vehicle is charging)")
    {
        RcdTestCommand.Create(services),
    };
}
