using System.CommandLine;
using ChargerController.Cli.Commands.Control;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Evse;

/// <summary><c>chargerctl evse unlock EVSE [--json]</c>: releases the connector lock; refused during a session.</summary>
public static class UnlockCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => SimpleVerb.Create(services, "unlock", "Release the connector lock (refused while a session is authorized)", ControlCommands.EvseUnlock);
}
