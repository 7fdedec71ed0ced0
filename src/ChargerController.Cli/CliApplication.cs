using System.CommandLine;
using ChargerController.Cli.Commands;
using ChargerController.Cli.Commands.Control;

namespace ChargerController.Cli;

/// <summary>Builds and runs <c>chargerctl</c>. Each noun (meter, rfid, later status, sim …) plugs in through <see cref="CommandCatalog"/>.</summary>
public static class CliApplication
{
    /// <summary>Builds the command tree.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRootCommand(CliServices services)
    {
        var root = new RootCommand("chargerctl: ChargerController field tool (exit codes: see README)")
        {
            ControlCall.SocketOption(),
        };
        foreach (var noun in CommandCatalog.Create(services))
        {
            root.Subcommands.Add(noun);
        }

        return root;
    }

    /// <summary>Parses and runs one command line.</summary>
    /// <param name="args">Arguments.</param>
    /// <param name="services">Shared services.</param>
    /// <param name="output">Standard output (defaults to the console).</param>
    /// <param name="error">Standard error (defaults to the console).</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C is handled too).</param>
    /// <returns>The process exit code (<see cref="Output.ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, CliServices services, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration();
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        return BuildRootCommand(services).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
