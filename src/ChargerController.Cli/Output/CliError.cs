using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;

namespace ChargerController.Cli.Output;

/// <summary>Turns a failure into one clear line on stderr and a documented exit code.</summary>
public static class CliError
{
    /// <summary>Writes the message for <paramref name="exception"/> and returns its exit code.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="exception">The failure.</param>
    /// <returns>The exit code.</returns>
    public static int Report(TextWriter error, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(exception);
        var (code, hint) = Classify(exception);
        error.WriteLine($"chargerctl: error: {exception.Message}");
        if (hint is not null)
        {
            error.WriteLine($"chargerctl: hint: {hint}");
        }

        return code;
    }

    /// <summary>Writes a message and returns the given exit code.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="code">The exit code.</param>
    /// <param name="message">What failed.</param>
    /// <returns><paramref name="code"/>.</returns>
    public static int Report(TextWriter error, int code, string message)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"chargerctl: error: {message}");
        return code;
    }

    private static (int Code, string? Hint) Classify(Exception exception) => exception switch
    {
        MeterProfileException => (ExitCodes.BadProfile, "profiles live in hardware/meters (built in) and the profiles directory; see hardware/meters/README.md"),
        SerialPortLinkException => (ExitCodes.PortUnavailable, "check the path (ls -l /dev/serial/by-id), the cable, and that the user is in group 'dialout'"),
        MeterReadException { Fault: MeterFault.Timeout } => (ExitCodes.Timeout, "check address, baud rate, parity, A/B polarity and termination"),
        MeterReadException { Fault: MeterFault.CrcError } => (ExitCodes.CrcError, "garbled answers usually mean a wrong baud rate or parity, or noise on the bus"),
        MeterReadException { Fault: MeterFault.ProtocolException } => (ExitCodes.ModbusException, "the device rejected the request: is the profile right for this meter?"),
        MeterReadException { Fault: MeterFault.PortUnavailable } => (ExitCodes.PortUnavailable, "the serial device vanished: check the USB adapter"),
        MeterReadException { Fault: MeterFault.InvalidData } => (ExitCodes.InvalidData, "the values do not look like this meter's: check the profile and word order"),
        ModbusException { Kind: ModbusErrorKind.Timeout } => (ExitCodes.Timeout, null),
        ModbusException { Kind: ModbusErrorKind.CrcError or ModbusErrorKind.InvalidResponse } => (ExitCodes.CrcError, null),
        ModbusException { Kind: ModbusErrorKind.SlaveException } => (ExitCodes.ModbusException, null),
        ModbusException => (ExitCodes.PortUnavailable, null),
        RfidReaderException => (ExitCodes.Timeout, null),
        _ => (ExitCodes.InternalError, "unexpected error; please report it with this message"),
    };
}
