using ChargerController.Station.SmartCharging.Randomization;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>A random source that hands out a scripted sequence of delays (then repeats the last), and records each maximum asked for.</summary>
internal sealed class ScriptedRandomDelays(params int[] delays) : IRandomDelaySource
{
    private readonly Lock _gate = new();
    private int _next;

    public List<int> Maxima { get; } = [];

    public int NextDelaySeconds(int maxSeconds)
    {
        lock (_gate)
        {
            Maxima.Add(maxSeconds);
            var value = delays[Math.Min(_next, delays.Length - 1)];
            _next++;
            return value;
        }
    }
}
