using System.Device.Gpio;

namespace ChargerController.Hardware.Ports;

/// <summary>An output line on a <see cref="GpioController"/>, translating logical active/inactive through the wiring polarity.</summary>
internal sealed class GpioDigitalOutput(GpioController controller, int line, bool activeLow) : IDigitalOutput
{
    private bool disposed;

    public bool Value { get; private set; }

    public void Write(bool active)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        controller.Write(line, active != activeLow ? PinValue.High : PinValue.Low);
        Value = active;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        // Leave the line inactive: with dtparam=strict_gpiod it then reverts to an input, otherwise it stays driven
        // at this level (REFERENCE §6.6), so inactive is the only safe value to leave behind.
        controller.Write(line, activeLow ? PinValue.High : PinValue.Low);
        Value = false;
        controller.ClosePin(line);
        disposed = true;
    }
}
