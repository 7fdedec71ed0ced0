using ChargerController.Hardware.Board;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Ports;
using ChargerController.Worker.Configuration;
using Microsoft.Extensions.Logging;

namespace ChargerController.Worker.RealHardware;

/// <summary>
/// Opens the charger's real hardware for a run without <c>--simulate</c>: the configured GPIO chip must exist, the board
/// profile must load, and every device of it must open. Each failure is one message a technician can act on and a
/// documented exit code (2 = configuration, 3 = hardware missing), never a stack trace.
/// </summary>
internal static class RealHardwareOpener
{
    private const string SimulateHint = "Check the overlays, wiring and groups in hardware/README.md, or run with --simulate to use simulated hardware.";

    public static async Task<(ChargerHardware? Hardware, int ExitCode)> OpenAsync(
        ChargerdOptions options,
        TextWriter error,
        Func<string, bool> deviceExists,
        IBoardPorts ports,
        ISerialLinkFactory serial,
        MeterProfileCatalog meters,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        if (!deviceExists(options.GpioChip))
        {
            await error.WriteLineAsync(
                $"chargerd: GPIO chip '{options.GpioChip}' not found: this machine has no charger hardware as configured. " +
                "Check Chargerd:GpioChip and the board profile, or run with --simulate to use simulated hardware.").ConfigureAwait(false);
            return (null, ExitCodes.HardwareMissing);
        }

        HardwareOptions board;
        try
        {
            board = BoardProfile.Load(options.BoardProfile);
        }
        catch (BoardProfileException ex)
        {
            await WriteAllAsync(error, $"board profile '{ex.Source}'", ex.Errors).ConfigureAwait(false);
            await error.WriteLineAsync(
                "chargerd: Chargerd:BoardProfile names the wiring of this charger: copy the matching file of hardware/boards (or write one) there.").ConfigureAwait(false);
            return (null, ExitCodes.InvalidConfiguration);
        }

        try
        {
            var hardware = ChargerHardware.Open(board, options.Meter, options.Rfid, timeProvider, ports, serial, meters, loggerFactory);

            // Serial adapters are opened on first use and reopened after an unplug, so a missing one is not fatal here; say
            // so now rather than leave the technician to find the meter fault later.
            foreach (var (what, port) in new[] { ("meter", options.Meter?.Port), ("RFID reader", options.Rfid?.Port) })
            {
                if (port is not null && !deviceExists(port))
                {
                    await error.WriteLineAsync(
                        $"chargerd: warning: {what} port '{port}' does not exist (yet); chargerd keeps trying it (udev rules: deploy/udev).").ConfigureAwait(false);
                }
            }

            return (hardware, ExitCodes.Ok);
        }
        catch (BoardProfileException ex)
        {
            await WriteAllAsync(error, $"Chargerd:{ex.Source}", ex.Errors).ConfigureAwait(false);
            return (null, ExitCodes.InvalidConfiguration);
        }
        catch (MeterProfileException ex)
        {
            await error.WriteLineAsync($"chargerd: Chargerd:Meter:Profile: {ex.Message}").ConfigureAwait(false);
            return (null, ExitCodes.InvalidConfiguration);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or PlatformNotSupportedException)
        {
            var chip = board.Gpio!.ChipLabel is { } label ? $"GPIO chip '{label}'" : $"GPIO chip {board.Gpio.ChipNumber}";
            await error.WriteLineAsync(
                $"chargerd: cannot open the charger hardware of board profile '{board.Name}' ({chip}, PWM channel {board.Pwm!.Channel}): {ex.Message} {SimulateHint}").ConfigureAwait(false);
            return (null, ExitCodes.HardwareMissing);
        }
    }

    private static async Task WriteAllAsync(TextWriter error, string where, IReadOnlyList<string> errors)
    {
        foreach (var e in errors)
        {
            await error.WriteLineAsync($"chargerd: {where}: {e}").ConfigureAwait(false);
        }
    }
}
