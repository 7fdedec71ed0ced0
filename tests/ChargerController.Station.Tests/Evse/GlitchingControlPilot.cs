using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Tests.Fakes;

namespace ChargerController.Station.Tests.Evse;

/// <summary>
/// A <see cref="FakeControlPilot"/> on which single evaluation windows can be disturbed: each queued plateau pair replaces
/// exactly one sample (a spike caught by one burst), after which the circuit model answers again.
/// </summary>
public sealed class GlitchingControlPilot(FakeControlPilot inner) : IControlPilot
{
    private readonly Queue<CpPlateaus> _glitches = new();

    public CpGeneratorOutput Output => inner.Output;

    public int SampleCount { get; private set; }

    /// <summary>Makes the next sample(s) read these plateaus, one sample each.</summary>
    public void Glitch(params CpPlateaus[] samples)
    {
        foreach (var s in samples)
        {
            _glitches.Enqueue(s);
        }
    }

    public void SetPwm(double dutyCyclePercent) => inner.SetPwm(dutyCyclePercent);

    public void SetSteadyHigh() => inner.SetSteadyHigh();

    public void SetStateF() => inner.SetStateF();

    public async ValueTask<CpSample> SampleAsync(CancellationToken cancellationToken)
    {
        SampleCount++;
        var sample = await inner.SampleAsync(cancellationToken);
        return _glitches.TryDequeue(out var glitch) ? sample with { Plateaus = glitch } : sample;
    }
}
