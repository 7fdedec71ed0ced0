using ChargerController.Hardware.Abstractions.Rcd;

namespace ChargerController.Hardware.Tests.Contracts;

[Trait("Category", "OnDevice")]
public sealed class GpioResidualCurrentMonitorOnDeviceTests : ResidualCurrentMonitorContractTests, IDisposable
{
    private readonly OnDeviceJig jig = new();

    protected override IResidualCurrentMonitor Monitor => OnDeviceJig.Required(jig.Devices.ResidualCurrentMonitor, "residualCurrentMonitor");

    protected override TimeProvider Time => TimeProvider.System;

    public void Dispose() => jig.Dispose();

    protected override async Task<T> RunAsync<T>(Func<ValueTask<T>> operation) => await operation();
}
