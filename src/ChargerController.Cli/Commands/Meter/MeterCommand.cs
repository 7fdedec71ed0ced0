using System.CommandLine;

namespace ChargerController.Cli.Commands.Meter;

/// <summary><c>chargerctl meter …</c>: bench commands for Modbus energy meters.</summary>
public static class MeterCommand
{
    /// <summary>Creates the noun with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => new("meter", "Energy meters on the RS-485 bus")
    {
        ReadCommand.Create(services),
        ScanCommand.Create(services),
    };
}
