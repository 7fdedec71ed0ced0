using System.CommandLine;
using System.Globalization;
using ChargerController.Cli.Output;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;

namespace ChargerController.Cli.Commands.Rfid;

/// <summary><c>chargerctl rfid watch --port TTY --reader rdm6300|pn532 [--count N] [--timeout SECONDS] [--json]</c>: print each card.</summary>
public static class WatchCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var port = SerialOptions.Port();
        var reader = new Option<string>("--reader", "-r") { Description = "Reader type: rdm6300 or pn532", Required = true };
        reader.AcceptOnlyFromAmong("rdm6300", "pn532");
        var baud = SerialOptions.Baud("9600 for rdm6300, 115200 for pn532");
        var count = new Option<int>("--count", "-n") { Description = "Stop after N cards (default: keep watching)", DefaultValueFactory = _ => 0 };
        var timeout = new Option<double>("--timeout", "-t") { Description = "Give up after SECONDS (exit code 3 if fewer cards than --count, or none, were read)", DefaultValueFactory = _ => 0 };
        var json = SerialOptions.Json();
        var command = new Command("watch", "Print each card presented to a serial RFID reader") { port, reader, baud, count, timeout, json };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async (output, error, ct) =>
            {
                var wanted = parseResult.GetValue(count);
                var seconds = parseResult.GetValue(timeout);
                if (wanted < 0 || seconds < 0 || double.IsNaN(seconds))
                {
                    return CliError.Report(error, ExitCodes.Usage, "--count and --timeout must not be negative");
                }

                var isPn532 = parseResult.GetRequiredValue(reader) == "pn532";
                var link = services.SerialLinks.Create(new SerialPortLinkOptions
                {
                    PortName = parseResult.GetRequiredValue(port),
                    BaudRate = parseResult.GetValue(baud) ?? (isPn532 ? 115_200 : 9600),
                });
                await using (link.ConfigureAwait(false))
                {
                    // Fail fast on a missing port; once running, the reader itself rides out a vanishing adapter.
                    await link.OpenAsync(ct).ConfigureAwait(false);
                    IRfidReader rfid = isPn532
                        ? new Pn532Reader(link, new RfidReaderOptions(), services.Time)
                        : new Rdm6300Reader(link, new RfidReaderOptions(), services.Time);
                    return await WatchAsync(rfid, output, error, link.PortName, wanted, seconds, parseResult.GetValue(json), services.Time, ct).ConfigureAwait(false);
                }
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> WatchAsync(IRfidReader reader, TextWriter output, TextWriter error, string port, int wanted, double seconds, bool json, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = seconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var seen = 0;
        try
        {
            await foreach (var card in reader.ReadCardsAsync(linked.Token).ConfigureAwait(false))
            {
                CardReadRenderer.Write(output, card, json);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (++seen == wanted)
                {
                    return ExitCodes.Success;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (wanted == 0 && seen > 0)
            {
                return ExitCodes.Success;
            }

            return CliError.Report(error, ExitCodes.Timeout, string.Create(CultureInfo.InvariantCulture, $"timeout: {seen} of {(wanted == 0 ? "at least 1" : wanted)} card(s) read on {port} in {seconds} s (card in range? right --reader and --baud? TX wired to RX?)"));
        }

        return ExitCodes.Success;
    }
}
