using System.CommandLine;
using ChargerController.Cli.Commands.Auth;
using ChargerController.Cli.Commands.Config;
using ChargerController.Cli.Commands.Evse;
using ChargerController.Cli.Commands.Hw;
using ChargerController.Cli.Commands.Logs;
using ChargerController.Cli.Commands.Meter;
using ChargerController.Cli.Commands.Queue;
using ChargerController.Cli.Commands.Rfid;
using ChargerController.Cli.Commands.Sim;
using ChargerController.Cli.Commands.Status;
using ChargerController.Cli.Commands.SupportBundle;

namespace ChargerController.Cli.Commands;

/// <summary>The nouns of <c>chargerctl</c>; a new noun adds one line here and a folder under Commands/.</summary>
public static class CommandCatalog
{
    /// <summary>Creates every noun command with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The noun commands.</returns>
    public static IEnumerable<Command> Create(CliServices services) =>
    [
        StatusCommand.Create(services),
        EvseCommand.Create(services),
        HwCommand.Create(services),
        SimCommand.Create(services),
        MeterCommand.Create(services),
        RfidCommand.Create(services),
        ConfigCommand.Create(services),
        QueueCommand.Create(services),
        AuthCommand.Create(services),
        LogsCommand.Create(services),
        SupportBundleCommand.Create(services),
    ];
}
