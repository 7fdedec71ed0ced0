namespace ChargerController.Hardware.Ports;

/// <summary>Device path and line settings of a serial link.</summary>
public sealed record SerialPortLinkOptions
{
    /// <summary>Device path; prefer stable names (<c>/dev/serial/by-id/…</c>, udev symlinks) over <c>ttyUSB0</c>.</summary>
    public required string PortName { get; init; }

    /// <summary>Baud rate, bits per second.</summary>
    public int BaudRate { get; init; } = 9600;

    /// <summary>Parity.</summary>
    public SerialPortLinkParity Parity { get; init; } = SerialPortLinkParity.None;

    /// <summary>Data bits per character (5–8).</summary>
    public int DataBits { get; init; } = 8;

    /// <summary>Stop bits (1 or 2).</summary>
    public int StopBits { get; init; } = 1;

    /// <summary>Bits per character on the wire: start + data + parity + stop; sizes the Modbus silence and wire-time estimates.</summary>
    public int BitsPerCharacter => 1 + DataBits + (Parity == SerialPortLinkParity.None ? 0 : 1) + StopBits;

    /// <summary>Time one character occupies on the wire.</summary>
    public TimeSpan CharacterTime => TimeSpan.FromTicks((long)Math.Ceiling(BitsPerCharacter * TimeSpan.TicksPerSecond / (double)BaudRate));

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(PortName))
        {
            throw new ArgumentException("A serial port path is required.", nameof(PortName));
        }

        if (BaudRate is < 50 or > 4_000_000)
        {
            throw new ArgumentException($"Baud rate {BaudRate} is out of range (50–4000000).", nameof(BaudRate));
        }

        if (DataBits is < 5 or > 8)
        {
            throw new ArgumentException($"Data bits {DataBits} is out of range (5–8).", nameof(DataBits));
        }

        if (StopBits is not (1 or 2))
        {
            throw new ArgumentException($"Stop bits must be 1 or 2, not {StopBits}.", nameof(StopBits));
        }
    }
}
