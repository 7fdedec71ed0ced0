using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Tests.Contracts;

[Trait("Category", "OnDevice")]
public sealed class PwmControlPilotOnDeviceTests : ControlPilotContractTests, IDisposable
{
    private readonly OnDeviceJig jig = new();

    protected override IControlPilot Pilot => jig.Devices.ControlPilot;

    public void Dispose() => jig.Dispose();

    protected override Task SetEvLoadAsync(CpState state) => jig.SetEvLoadAsync(state);

    protected override Task WaitAsync(TimeSpan duration) => Task.Delay(duration);
}
