namespace ChargerController.Hardware.Ports;

/// <summary>One GPIO input line. Logical level: <see langword="true"/> = active (the adapter applies active-low wiring).</summary>
public interface IDigitalInput : IDisposable
{
    /// <summary>Samples the line now.</summary>
    /// <returns>Whether the line is active.</returns>
    bool Read();
}
