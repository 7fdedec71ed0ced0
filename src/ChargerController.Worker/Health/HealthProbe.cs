namespace ChargerController.Worker.Health;

/// <summary>One loop's heartbeat.</summary>
internal sealed class HealthProbe
{
    private readonly TimeSpan maxSilence;
    private readonly TimeProvider time;
    private long lastBeat;

    public HealthProbe(string name, TimeSpan maxSilence, TimeProvider time)
    {
        Name = name;
        this.maxSilence = maxSilence;
        this.time = time;
        lastBeat = time.GetTimestamp();
    }

    public string Name { get; }

    public void Beat() => Interlocked.Exchange(ref lastBeat, time.GetTimestamp());

    public bool IsStale() => time.GetElapsedTime(Interlocked.Read(ref lastBeat)) > maxSilence;
}
