using System.CommandLine;

namespace ChargerController.Cli.Commands.Queue;

/// <summary><c>chargerctl queue stats|list</c>: the messages waiting for the CSMS.</summary>
public static class QueueCommand
{
    /// <summary>Creates the noun with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => new("queue", "The outbound OCPP queue: what waits for the CSMS (through chargerd)")
    {
        QueueStatsCommand.Create(services),
        QueueListCommand.Create(services),
    };
}
