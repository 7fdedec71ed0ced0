using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

/// <summary>An output wired to something that reacts (a relay coil, an actuator): calls back on every write.</summary>
public sealed class CallbackDigitalOutput(Action<bool> onWrite) : IDigitalOutput
{
    public bool Value { get; private set; }

    public void Write(bool active)
    {
        Value = active;
        onWrite(active);
    }

    public void Dispose()
    {
    }
}
