namespace ChargerController.Hardware.Ports;

/// <summary>One I²C device (bus + 7-bit address). Drivers speak register bytes only.</summary>
public interface II2cTransfer : IDisposable
{
    /// <summary>Writes bytes in one transaction (START, address+W, bytes, STOP).</summary>
    /// <param name="data">The bytes.</param>
    /// <exception cref="IOException">The device did not acknowledge.</exception>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Reads bytes in one transaction (START, address+R, bytes, STOP).</summary>
    /// <param name="data">Receives the bytes.</param>
    /// <exception cref="IOException">The device did not acknowledge.</exception>
    void Read(Span<byte> data);
}
