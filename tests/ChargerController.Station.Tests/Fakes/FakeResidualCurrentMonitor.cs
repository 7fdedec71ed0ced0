using ChargerController.Hardware.Abstractions.Rcd;

namespace ChargerController.Station.Tests.Fakes;

/// <summary>An RCD module: a trip flag the test sets, and a test input that trips a healthy module while asserted.</summary>
public sealed class FakeResidualCurrentMonitor(bool supportsSelfTest = true) : IResidualCurrentMonitor
{
    public bool SupportsSelfTest { get; } = supportsSelfTest;

    /// <summary>A real residual current (or the module's own error output).</summary>
    public bool Tripped { get; set; }

    /// <summary>A broken module: ignores its test input.</summary>
    public bool TestInputBroken { get; set; }

    public bool TestActive { get; private set; }

    public int TestCount { get; private set; }

    public Exception? ThrowOnRead { get; set; }

    public bool ReadTripped()
    {
        if (ThrowOnRead is { } ex)
        {
            throw ex;
        }

        return Tripped || (TestActive && !TestInputBroken);
    }

    public void SetTestActive(bool active)
    {
        if (!SupportsSelfTest)
        {
            throw new NotSupportedException();
        }

        if (active)
        {
            TestCount++;
        }

        TestActive = active;
    }
}
