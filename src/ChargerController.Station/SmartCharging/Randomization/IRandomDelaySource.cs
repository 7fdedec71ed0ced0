namespace ChargerController.Station.SmartCharging.Randomization;

/// <summary>Draws the random delays of randomizedDelay schedules (K01.FR.92); injected so tests can script them.</summary>
public interface IRandomDelaySource
{
    /// <summary>Draws a whole number of seconds, uniformly distributed in [0, <paramref name="maxSeconds"/>] (both included).</summary>
    /// <param name="maxSeconds">The schedule's randomizedDelay, ≥ 0.</param>
    /// <returns>The delay in seconds.</returns>
    int NextDelaySeconds(int maxSeconds);
}
