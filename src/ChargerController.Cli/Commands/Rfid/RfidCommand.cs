using System.CommandLine;

namespace ChargerController.Cli.Commands.Rfid;

/// <summary><c>chargerctl rfid …</c>: bench commands for serial RFID readers.</summary>
public static class RfidCommand
{
    /// <summary>Creates the noun with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => new("rfid", "RFID readers")
    {
        WatchCommand.Create(services),
    };
}
