using System.CommandLine;
using ChargerController.Hardware.Ports;

namespace ChargerController.Cli.Commands;

/// <summary>Options shared by commands that open a serial device.</summary>
public static class SerialOptions
{
    /// <summary>Creates <c>--port</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string> Port() => new("--port", "-p")
    {
        Description = "Serial device, e.g. /dev/ttyUSB0 or /dev/serial/by-id/…",
        Required = true,
    };

    /// <summary>Creates <c>--baud</c>.</summary>
    /// <param name="what">Where the default comes from, for help.</param>
    /// <returns>The option.</returns>
    public static Option<int?> Baud(string what) => new("--baud", "-b")
    {
        Description = $"Baud rate (default: {what})",
    };

    /// <summary>Creates <c>--parity</c>.</summary>
    /// <param name="what">Where the default comes from, for help.</param>
    /// <returns>The option.</returns>
    public static Option<string?> Parity(string what)
    {
        var option = new Option<string?>("--parity")
        {
            Description = $"Parity: none, even or odd (default: {what})",
        };
        option.AcceptOnlyFromAmong("none", "even", "odd");
        return option;
    }

    /// <summary>Creates <c>--json</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON instead of text",
    };

    /// <summary>Parses a <c>--parity</c> value.</summary>
    /// <param name="value">The option value.</param>
    /// <param name="fallback">Value when the option was not given.</param>
    /// <returns>The parity.</returns>
    public static SerialPortLinkParity ToParity(string? value, SerialPortLinkParity fallback) => value switch
    {
        "none" => SerialPortLinkParity.None,
        "even" => SerialPortLinkParity.Even,
        "odd" => SerialPortLinkParity.Odd,
        _ => fallback,
    };
}
