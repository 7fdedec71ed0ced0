using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

/// <summary>An input whose level comes from a function (a loop-back wire, a jig relay, a fixed level).</summary>
public sealed class FakeDigitalInput(Func<bool> level) : IDigitalInput
{
    public FakeDigitalInput(bool level)
        : this(() => level)
    {
    }

    public bool Disposed { get; private set; }

    public bool Read() => level();

    public void Dispose() => Disposed = true;
}
