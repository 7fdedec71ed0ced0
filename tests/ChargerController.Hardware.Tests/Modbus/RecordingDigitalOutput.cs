using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Modbus;

/// <summary>A DE/RE GPIO that records its levels.</summary>
public sealed class RecordingDigitalOutput : IDigitalOutput
{
    public bool Value { get; private set; }

    public List<bool> Levels { get; } = [];

    public void Write(bool active)
    {
        Value = active;
        Levels.Add(active);
    }

    public void Dispose()
    {
    }
}
