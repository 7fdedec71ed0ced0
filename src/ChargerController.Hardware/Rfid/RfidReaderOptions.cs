namespace ChargerController.Hardware.Rfid;

/// <summary>Timing of a serial RFID reader.</summary>
public sealed record RfidReaderOptions
{
    /// <summary>Same-card hold-off (REFERENCE 5.1 recommends 2–3 s).</summary>
    public TimeSpan DebounceWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause before reopening a port that vanished or a reader that stopped answering.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>PN532: pause between two InListPassiveTarget polls (REFERENCE 5.2 recommends 200–500 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>PN532: our own deadline for one command's ACK and answer, whatever the chip's retry setting.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMilliseconds(500);
}
