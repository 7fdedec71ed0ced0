using System.CommandLine;

namespace ChargerController.Cli.Commands.Auth;

/// <summary><c>chargerctl auth list|add|remove</c>: the local authorization list, for sites that run offline.</summary>
public static class AuthCommand
{
    /// <summary>Creates the noun with its verbs.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services) => new("auth", "Local authorization list entries (through chargerd)")
    {
        AuthListCommand.Create(services),
        AuthAddCommand.Create(services),
        AuthRemoveCommand.Create(services),
    };

    /// <summary>The <c>--type</c> option shared by add and remove.</summary>
    /// <returns>The option.</returns>
    internal static Option<string> TypeOption() => new("--type")
    {
        Description = "IdToken type: ISO14443 (default, RFID card UID), ISO15693, Central, eMAID, KeyCode, Local, MacAddress, NoAuthorization …",
        DefaultValueFactory = _ => "ISO14443",
    };
}
