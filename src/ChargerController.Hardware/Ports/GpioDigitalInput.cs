using System.Device.Gpio;

namespace ChargerController.Hardware.Ports;

/// <summary>An input line on a <see cref="GpioController"/>, translating the level through the wiring polarity.</summary>
internal sealed class GpioDigitalInput(GpioController controller, int line, bool activeLow) : IDigitalInput
{
    private bool disposed;

    public bool Read()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return (controller.Read(line) == PinValue.High) != activeLow;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        controller.ClosePin(line);
        disposed = true;
    }
}
