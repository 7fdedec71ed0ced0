namespace ChargerController.Hardware.Modbus;

/// <summary>Timing and retry settings of a Modbus RTU master.</summary>
public sealed record ModbusRtuMasterOptions
{
    /// <summary>Deadline for the complete answer, counted from the end of the request. libmodbus uses 500 ms (REFERENCE 4.3).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Further attempts after a timeout, CRC error or invalid answer (not after an exception response).</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Baud rate of the line; sizes the 3.5-character inter-frame silence and the wire time of a request.</summary>
    public int BaudRate { get; init; } = 9600;

    /// <summary>Bits per character on the wire (start + 8 data + parity + stop); 11 per the serial-line spec, 10 for 8N1.</summary>
    public int BitsPerCharacter { get; init; } = 10;

    /// <summary>
    /// Lower bound for the silence before each request. User space cannot time 3.5 characters exactly, so we wait at
    /// least this long since the last byte seen (REFERENCE 4.3 recommends ≥ 5 ms at 9600 baud).
    /// </summary>
    public TimeSpan MinimumSilence { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Read back and drop our own request before the answer: needed when the transceiver's receiver stays enabled
    /// while transmitting (RE tied to ground, some USB adapters). A mismatching echo is a bus collision.
    /// </summary>
    public bool EchoSuppression { get; init; }

    /// <summary>Extra time the DE line stays asserted after the request's estimated wire time (GPIO direction control only).</summary>
    public TimeSpan DirectionHoldTime { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Time one character occupies on the wire.</summary>
    public TimeSpan CharacterTime => TimeSpan.FromTicks((long)Math.Ceiling(BitsPerCharacter * TimeSpan.TicksPerSecond / (double)BaudRate));

    /// <summary>The inter-frame silence: 3.5 characters, fixed 1.75 ms above 19200 baud (serial line spec §2.5.1.1), at least <see cref="MinimumSilence"/>.</summary>
    public TimeSpan InterFrameSilence
    {
        get
        {
            var t35 = BaudRate > 19200 ? TimeSpan.FromMicroseconds(1750) : CharacterTime * 3.5;
            return t35 > MinimumSilence ? t35 : MinimumSilence;
        }
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (ResponseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ResponseTimeout must be positive.", nameof(ResponseTimeout));
        }

        if (Retries is < 0 or > 10)
        {
            throw new ArgumentException("Retries must be 0–10.", nameof(Retries));
        }

        if (BaudRate <= 0 || BitsPerCharacter is < 7 or > 12)
        {
            throw new ArgumentException("BaudRate must be positive and BitsPerCharacter 7–12.", nameof(BaudRate));
        }
    }
}
