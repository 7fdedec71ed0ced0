using System.CommandLine;

namespace ChargerController.Cli.Commands.Evse;

/// <summary><c>chargerctl evse …</c>: sessions and availability of one EVSE, through chargerd.</summary>
public static class EvseCommand
{
    /// <summary>Creates the noun with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => new("evse", "Start/stop sessions, unlock, availability, reset (through chargerd)")
    {
        StartCommand.Create(services),
        StopCommand.Create(services),
        UnlockCommand.Create(services),
        AvailabilityCommand.Create(services),
        ResetCommand.Create(services),
    };
}
