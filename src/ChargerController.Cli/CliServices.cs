using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Ports;

namespace ChargerController.Cli;

/// <summary>What commands need from the outside world; tests swap pieces (pseudo-terminals, profile directory).</summary>
public sealed class CliServices
{
    /// <summary>Clock for deadlines and timestamps.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Opens serial devices.</summary>
    public required ISerialLinkFactory SerialLinks { get; init; }

    /// <summary>Directory of site-specific meter profiles (overrides and additions to the built-in ones).</summary>
    public string? ProfilesDirectory { get; init; } = MeterProfileCatalog.DefaultOverrideDirectory;

    /// <summary>Reads environment variables (the default control-socket path depends on <c>XDG_RUNTIME_DIR</c> and <c>USER</c>).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The <c>journalctl</c> executable for <c>logs</c> and <c>support-bundle</c> (a name looked up on PATH, or a path).</summary>
    public string Journalctl { get; init; } = "journalctl";

    /// <summary>The systemd unit whose journal <c>logs</c> shows.</summary>
    public string ServiceUnit { get; init; } = "chargercontroller";

    /// <summary>The services of a real run.</summary>
    /// <returns>Real clock, real serial ports, /etc profiles.</returns>
    public static CliServices CreateDefault() => new() { Time = TimeProvider.System, SerialLinks = new SerialPortLinkFactory() };
}
