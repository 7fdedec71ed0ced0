using ChargerController.Hardware.Abstractions.ProximityPilot;

namespace ChargerController.Hardware.Tests.Contracts;

[Trait("Category", "OnDevice")]
public sealed class AdcProximityPilotOnDeviceTests : ProximityPilotContractTests, IDisposable
{
    private readonly OnDeviceJig jig = new();

    protected override IProximityPilot ProximityPilot => OnDeviceJig.Required(jig.Devices.ProximityPilot, "proximityPilot");

    public void Dispose() => jig.Dispose();

    protected override Task SetCableAsync(double? ratingA) => jig.SetCableAsync(ratingA);
}
