using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChargerController.Cli.Output;
using ChargerController.Control.Client;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Commands.Control;

/// <summary>Sends one command to chargerd over the control socket and turns the answer into output and a documented exit code.</summary>
public static class ControlCall
{
    /// <summary>Name of the global socket option.</summary>
    public const string SocketOptionName = "--socket";

    /// <summary>Creates the global <c>--socket PATH</c> option (recursive: valid before or after the noun).</summary>
    /// <returns>The option.</returns>
    public static Option<string?> SocketOption() => new(SocketOptionName)
    {
        Description = $"chargerd's control socket (default {ControlSocketPath.ServiceDefault}, or the per-user socket of chargerd --simulate)",
        Recursive = true,
    };

    /// <summary>Creates the <c>--json</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print the answer as JSON on one line" };

    /// <summary>Resolves the socket path from <c>--socket</c> or the default rule.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="services">Shared services.</param>
    /// <returns>The path.</returns>
    public static string SocketPath(ParseResult parseResult, CliServices services)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(services);
        var given = parseResult.GetValue<string?>(SocketOptionName);
        return string.IsNullOrWhiteSpace(given) ? ControlSocketPath.ForClient(services.Environment) : given;
    }

    /// <summary>Sends a command whose answer is a <see cref="CommandResult"/> and prints it (text: the message; <c>--json</c>: the object).</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="services">Shared services.</param>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(ParseResult parseResult, CliServices services, bool json, ControlRequest request, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(
            parseResult,
            async (output, error, ct) =>
            {
                var answer = await SendAsync(parseResult, services, request, error, ct).ConfigureAwait(false);
                if (!answer.Ok)
                {
                    return answer.ExitCode;
                }

                var result = answer.Result;

                if (json)
                {
                    await output.WriteLineAsync(result.GetRawText()).ConfigureAwait(false);
                }
                else
                {
                    var message = result.Deserialize(ControlJsonContext.Default.CommandResult)?.Message ?? result.GetRawText();
                    await output.WriteLineAsync(message).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            },
            cancellationToken);

    /// <summary>
    /// Sends a query and prints its answer: <c>--json</c> prints chargerd's object unchanged (one line), otherwise
    /// <paramref name="render"/> formats it for a terminal.
    /// </summary>
    /// <typeparam name="T">The answer type.</typeparam>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="services">Shared services.</param>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <param name="request">The request.</param>
    /// <param name="type">The answer's JSON type information.</param>
    /// <param name="render">Formats the answer as text.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> QueryAsync<T>(ParseResult parseResult, CliServices services, bool json, ControlRequest request, JsonTypeInfo<T> type, Func<T, string> render, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(
            parseResult,
            async (output, error, ct) =>
            {
                var answer = await SendAsync(parseResult, services, request, error, ct).ConfigureAwait(false);
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
                    var value = answer.Result.Deserialize(type) ?? throw new InvalidDataException("chargerd sent an empty answer");
                    await output.WriteAsync(render(value)).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            },
            cancellationToken);

    /// <summary>Sends a request; on failure writes the error (and a hint) to <paramref name="error"/>.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="services">Shared services.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The answer with its exit code.</returns>
    internal static async Task<ControlAnswer> SendAsync(ParseResult parseResult, CliServices services, ControlRequest request, TextWriter error, CancellationToken cancellationToken)
    {
        var path = SocketPath(parseResult, services);
        ControlResponse response;
        try
        {
            response = await new ControlClient(path).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ControlUnavailableException ex)
        {
            var code = CliError.Report(error, ExitCodes.ChargerdUnavailable, ex.Message);
            await error.WriteLineAsync("chargerctl: hint: start chargerd (sudo systemctl start chargercontroller, or chargerd --simulate) or give --socket PATH").ConfigureAwait(false);
            return ControlAnswer.Failed(code);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return ControlAnswer.Failed(CliError.Report(error, ExitCodes.ChargerdUnavailable, $"chargerd at {path} answered badly: {ex.Message}"));
        }

        if (response.Ok)
        {
            return new ControlAnswer(true, response.Result ?? default, ExitCodes.Success);
        }

        var failure = response.Error?.Code switch
        {
            ControlErrorCodes.Refused => ExitCodes.Refused,
            ControlErrorCodes.NotSimulated => ExitCodes.NotSimulated,
            ControlErrorCodes.InvalidArgument => ExitCodes.Usage,
            ControlErrorCodes.NotAvailable => ExitCodes.NotAvailable,
            ControlErrorCodes.NotFound => ExitCodes.NotFound,
            _ => ExitCodes.InternalError,
        };
        CliError.Report(error, failure, response.Error?.Message ?? "chargerd refused without a reason");
        if (response.Error?.Code == ControlErrorCodes.UnknownCommand)
        {
            await error.WriteLineAsync("chargerctl: hint: chargerd does not know this command: are chargerctl and chargerd the same version?").ConfigureAwait(false);
        }

        return ControlAnswer.Failed(failure);
    }
}
