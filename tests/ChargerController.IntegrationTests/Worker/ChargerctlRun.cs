using ChargerController.Cli;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>Runs chargerctl in-process through its application entry (the same code path as the executable).</summary>
internal static class ChargerctlRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var services = new CliServices
        {
            Time = TimeProvider.System,
            SerialLinks = new ChargerController.Hardware.Ports.SerialPortLinkFactory(),
            Environment = environment is null ? System.Environment.GetEnvironmentVariable : name => environment.GetValueOrDefault(name),
        };
        var code = await CliApplication.RunAsync(args, services, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);
}
