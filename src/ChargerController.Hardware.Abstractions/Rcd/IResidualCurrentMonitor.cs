namespace ChargerController.Hardware.Abstractions.Rcd;

/// <summary>
/// A residual-current monitor (RDC-DD 6 mA DC module, IEC 62955, or an RCD with auxiliary contact): a fault input
/// and a test output. Latching a trip until a manual reset and a passed self-test is the station's job.
/// </summary>
public interface IResidualCurrentMonitor
{
    /// <summary>Whether the module has a test input the controller can drive.</summary>
    bool SupportsSelfTest { get; }

    /// <summary>Samples the fault input now.</summary>
    /// <returns><see langword="true"/> while the module signals a residual-current fault (or its own error).</returns>
    bool ReadTripped();

    /// <summary>
    /// Drives the module's test input. A passing module signals a trip while (or shortly after) the test is active;
    /// see <see cref="RcdSelfTest"/> for the whole sequence.
    /// </summary>
    /// <param name="active">Assert (true) or release the test input.</param>
    /// <exception cref="NotSupportedException">No test output is wired.</exception>
    void SetTestActive(bool active);
}
