namespace ChargerController.Station.SmartCharging.Randomization;

/// <summary>
/// The production <see cref="IRandomDelaySource"/>: a seeded-per-process pseudo random generator. Stations that share a
/// profile must not change their limits in step (the purpose of K01.FR.92), so every process draws its own sequence.
/// </summary>
public sealed class SystemRandomDelaySource : IRandomDelaySource
{
    private readonly Random _random = new();
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public int NextDelaySeconds(int maxSeconds)
    {
        if (maxSeconds <= 0)
        {
            return 0;
        }

        lock (_gate)
        {
            return _random.Next(0, maxSeconds == int.MaxValue ? int.MaxValue : maxSeconds + 1);
        }
    }
}
