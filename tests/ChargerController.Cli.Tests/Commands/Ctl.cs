using ChargerController.Hardware.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Cli.Tests.Commands;

/// <summary>Runs chargerctl in-process with captured output.</summary>
internal static class Ctl
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, TimeProvider? time = null, string journalctl = "journalctl", CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var services = new CliServices
        {
            Time = time ?? new FakeTimeProvider(),
            SerialLinks = new SerialPortLinkFactory(),
            Environment = _ => null,
            Journalctl = journalctl,
        };
        var code = await CliApplication.RunAsync(args, services, output, error, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
