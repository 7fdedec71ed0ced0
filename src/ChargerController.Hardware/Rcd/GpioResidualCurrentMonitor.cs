using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Rcd;

/// <summary>
/// A residual-current monitor module on GPIO: fault output → input (active = fault), test input ← output
/// (active = test asserted; SmartEVSE's RCM14 test is active-low, set that in the board profile).
/// </summary>
public sealed class GpioResidualCurrentMonitor : IResidualCurrentMonitor, IDisposable
{
    private readonly IDigitalInput fault;
    private readonly IDigitalOutput? test;
    private readonly bool ownsPorts;

    /// <summary>Creates the driver with the test input released.</summary>
    /// <param name="fault">Fault output of the module.</param>
    /// <param name="test">Test input of the module, or <see langword="null"/>.</param>
    /// <param name="ownsPorts">Whether disposing the driver disposes the ports.</param>
    public GpioResidualCurrentMonitor(IDigitalInput fault, IDigitalOutput? test, bool ownsPorts = true)
    {
        ArgumentNullException.ThrowIfNull(fault);
        this.fault = fault;
        this.test = test;
        this.ownsPorts = ownsPorts;
        test?.Write(false);
    }

    /// <inheritdoc />
    public bool SupportsSelfTest => test is not null;

    /// <inheritdoc />
    public bool ReadTripped() => fault.Read();

    /// <inheritdoc />
    public void SetTestActive(bool active)
    {
        if (test is null)
        {
            throw new NotSupportedException("This residual-current monitor has no test input wired.");
        }

        test.Write(active);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        test?.Write(false);
        if (ownsPorts)
        {
            test?.Dispose();
            fault.Dispose();
        }
    }
}
