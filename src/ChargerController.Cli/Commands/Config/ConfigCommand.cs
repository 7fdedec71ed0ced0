using System.CommandLine;

namespace ChargerController.Cli.Commands.Config;

/// <summary><c>chargerctl config list|get|set</c>: device-model variables (validated by the device model) and local settings.</summary>
public static class ConfigCommand
{
    /// <summary>Creates the noun with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => new("config", "OCPP device-model variables and chargerd's local settings (through chargerd)")
    {
        ConfigListCommand.Create(services),
        ConfigGetCommand.Create(services),
        ConfigSetCommand.Create(services),
    };
}
