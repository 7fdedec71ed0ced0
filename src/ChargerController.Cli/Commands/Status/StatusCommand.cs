using System.CommandLine;
using System.Text.Json;
using ChargerController.Cli.Commands.Control;
using ChargerController.Cli.Output;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Status;

/// <summary><c>chargerctl status [--json] [--watch]</c>: the station's live state from chargerd.</summary>
public static class StatusCommand
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    /// <summary>Creates the command.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var json = ControlCall.JsonOption();
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh every second until Ctrl+C (with --json: one object per line)" };
        var command = new Command("status", "Connection, per-EVSE pilot, contactor, current, energy, transaction and faults") { json, watch };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async (output, error, ct) =>
            {
                var asJson = parseResult.GetValue(json);
                if (!parseResult.GetValue(watch))
                {
                    return await ShowAsync(parseResult, services, asJson, clear: false, output, error, ct).ConfigureAwait(false);
                }

                var clear = !asJson && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
                try
                {
                    while (true)
                    {
                        var code = await ShowAsync(parseResult, services, asJson, clear, output, error, ct).ConfigureAwait(false);
                        if (code != ExitCodes.Success)
                        {
                            return code;
                        }

                        await Task.Delay(WatchInterval, services.Time, ct).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C is how a watch ends.
                    return ExitCodes.Success;
                }
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> ShowAsync(ParseResult parseResult, CliServices services, bool json, bool clear, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var answer = await ControlCall.SendAsync(parseResult, services, new ControlRequest(ControlCommands.Status), error, cancellationToken).ConfigureAwait(false);
        if (!answer.Ok)
        {
            return answer.ExitCode;
        }

        if (json)
        {
            await output.WriteLineAsync(answer.Result.GetRawText()).ConfigureAwait(false);
        }
        else
        {
            var status = answer.Result.Deserialize(ControlJsonContext.Default.StationStatus)
                ?? throw new InvalidDataException("chargerd sent an empty status");
            await output.WriteAsync((clear ? "\u001b[H\u001b[2J" : string.Empty) + StatusRenderer.Format(status)).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
