using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

public sealed class FakePwmOutput : IPwmOutput
{
    public bool IsRunning { get; private set; }

    public double DutyCycle { get; private set; }

    public double FrequencyHz { get; private set; }

    public List<double> DutyWrites { get; } = [];

    public bool Disposed { get; private set; }

    public void Start(double frequencyHz, double dutyCycle)
    {
        FrequencyHz = frequencyHz;
        DutyCycle = dutyCycle;
        DutyWrites.Add(dutyCycle);
        IsRunning = true;
    }

    public void SetDutyCycle(double dutyCycle)
    {
        DutyCycle = dutyCycle;
        DutyWrites.Add(dutyCycle);
    }

    public void Stop() => IsRunning = false;

    public void Dispose()
    {
        IsRunning = false;
        Disposed = true;
    }
}
