using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Hardware.Rcd;
using ChargerController.Hardware.Tests.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The real driver on fake ports with the test output looped back to the fault input (as the jig wires it).</summary>
public sealed class GpioResidualCurrentMonitorContractTests : ResidualCurrentMonitorContractTests
{
    private readonly FakeTimeProvider time = new();

    public GpioResidualCurrentMonitorContractTests()
    {
        var test = new FakeDigitalOutput();
        Monitor = new GpioResidualCurrentMonitor(new FakeDigitalInput(() => test.Value), test);
    }

    protected override IResidualCurrentMonitor Monitor { get; }

    protected override TimeProvider Time => time;

    protected override Task<T> RunAsync<T>(Func<ValueTask<T>> operation) => FakeClock.RunAsync(time, operation);
}
