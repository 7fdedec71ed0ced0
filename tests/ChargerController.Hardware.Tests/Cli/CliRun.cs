using ChargerController.Cli;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Cli;

/// <summary>Runs chargerctl in-process and captures its exit code, stdout and stderr.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(null, args);

    public static async Task<CliRun> RunAsync(CliServices? services, params string[] args)
    {
        services ??= new CliServices { Time = TimeProvider.System, SerialLinks = new SerialPortLinkFactory(), ProfilesDirectory = null };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, services, output, error).WaitAsync(TimeSpan.FromSeconds(30));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
