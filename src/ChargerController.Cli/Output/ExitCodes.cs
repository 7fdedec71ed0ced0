namespace ChargerController.Cli.Output;

/// <summary>Process exit codes of chargerctl; the table in src/ChargerController.Cli/README.md is the contract for scripts.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Invalid or missing option (reported by the command-line parser).</summary>
    public const int Usage = 1;

    /// <summary>Unknown or invalid meter profile.</summary>
    public const int BadProfile = 2;

    /// <summary>The device did not answer in time (or, for scans, nothing answered).</summary>
    public const int Timeout = 3;

    /// <summary>The serial port is missing, vanished, busy, not permitted, or rejected the line settings.</summary>
    public const int PortUnavailable = 4;

    /// <summary>Answers were garbled: CRC or framing errors (wrong baud rate or parity, noise, termination).</summary>
    public const int CrcError = 5;

    /// <summary>The device answered with a Modbus exception (wrong profile, address or function).</summary>
    public const int ModbusException = 6;

    /// <summary>The meter answered with values that cannot be right (NaN, "no value", negative or decreasing energy).</summary>
    public const int InvalidData = 7;

    /// <summary>chargerd refused the command in its current state (e.g. an RCD test while charging, stop without a session).</summary>
    public const int Refused = 8;

    /// <summary>The command needs chargerd running with <c>--simulate</c>.</summary>
    public const int NotSimulated = 9;

    /// <summary>
    /// The feature is not available here: chargerd has no such part composed (e.g. no local authorization list), or a
    /// tool it needs is missing (<c>journalctl</c> for <c>logs</c>).
    /// </summary>
    public const int NotAvailable = 10;

    /// <summary>The named item does not exist (configuration key, local-list entry).</summary>
    public const int NotFound = 11;

    /// <summary>chargerd is not reachable: not running, wrong <c>--socket</c>, or no permission on the socket (sysexits EX_UNAVAILABLE).</summary>
    public const int ChargerdUnavailable = 69;

    /// <summary>Unexpected internal error (a bug: please report it with the message).</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
