namespace ChargerController.Hardware.Ports;

/// <summary>One GPIO output line. Logical level: <see langword="true"/> = active (the adapter applies active-low wiring).</summary>
public interface IDigitalOutput : IDisposable
{
    /// <summary>The level last written.</summary>
    bool Value { get; }

    /// <summary>Drives the line.</summary>
    /// <param name="active">Active (true) or inactive.</param>
    void Write(bool active);
}
