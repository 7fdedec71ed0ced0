using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.ControlPilot;
using ChargerController.Hardware.Tests.ControlPilot;
using ChargerController.Hardware.Tests.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The real driver on a virtual-time CP line whose high plateau follows a switchable EV load.</summary>
public sealed class PwmControlPilotContractTests : ControlPilotContractTests
{
    private static readonly CpMeasurementScaling Scaling = new(0.025872, -13.253);
    private CpState load = CpState.A;

    public PwmControlPilotContractTests()
    {
        var pwm = new FakePwmOutput();
        var line = new FakeCpLine(pwm, () => Code(CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(load))), () => Code(-12.0));
        Pilot = new PwmControlPilot(pwm, line, line.SyncInput, new PwmControlPilotOptions { Scaling = Scaling }, new FakeTimeProvider());
    }

    protected override IControlPilot Pilot { get; }

    protected override Task SetEvLoadAsync(CpState state)
    {
        load = state;
        return Task.CompletedTask;
    }

    protected override Task WaitAsync(TimeSpan duration) => Task.CompletedTask;

    private static int Code(double volts) => (int)Math.Round((volts - Scaling.OffsetV) / Scaling.VoltsPerCount);
}
