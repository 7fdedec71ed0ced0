using System.CommandLine;
using ChargerController.Cli.Output;

namespace ChargerController.Cli.Commands;

/// <summary>Runs a command body so that every failure becomes a message on stderr and a documented exit code.</summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>.</summary>
    /// <param name="parseResult">The parse result (carries the output writers).</param>
    /// <param name="body">The command: receives stdout, stderr and the token; returns the exit code.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(ParseResult parseResult, Func<TextWriter, TextWriter, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(body);
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await body(output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliError.Report(error, ExitCodes.Cancelled, "interrupted");
        }
#pragma warning disable CA1031 // The tool's last line of defence: a field technician gets a message and an exit code, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CliError.Report(error, ex);
        }
    }
}
