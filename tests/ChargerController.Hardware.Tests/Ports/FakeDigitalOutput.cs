using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

/// <summary>An output that records every write.</summary>
public sealed class FakeDigitalOutput : IDigitalOutput
{
    public List<bool> Writes { get; } = [];

    public bool Value { get; private set; }

    public bool Disposed { get; private set; }

    public void Write(bool active)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        Value = active;
        Writes.Add(active);
    }

    public void Dispose() => Disposed = true;
}
