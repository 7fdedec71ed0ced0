namespace ChargerController.Hardware.Abstractions.Rcd;

/// <summary>
/// Timing of the self-test. Defaults follow the modules used in open designs: SmartEVSE asserts the test input and
/// expects the fault within 1 s; Tinkerforge's RDC-DD module answers a 250 ms pulse within about 0.75 s and clears
/// within about 1.2 s.
/// </summary>
public sealed record RcdSelfTestOptions
{
    /// <summary>Longest wait for the trip after asserting the test input.</summary>
    public TimeSpan TripTimeout { get; init; } = TimeSpan.FromMilliseconds(1200);

    /// <summary>Longest wait for the fault input to clear after releasing the test input.</summary>
    public TimeSpan ClearTimeout { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How often the fault input is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);
}
