using System.Device.Pwm;

namespace ChargerController.Hardware.Tests.Ports;

/// <summary>A PwmChannel subclass (the class is abstract with a protected constructor, REFERENCE §7.3).</summary>
public sealed class FakePwmChannel : PwmChannel
{
    public override int Frequency { get; set; }

    public override double DutyCycle { get; set; }

    public bool Running { get; private set; }

    public bool Disposed { get; private set; }

    public override void Start() => Running = true;

    public override void Stop() => Running = false;

    protected override void Dispose(bool disposing)
    {
        Running = false;
        Disposed = true;
        base.Dispose(disposing);
    }
}
