namespace ChargerController.Worker.Health;

/// <summary>
/// Liveness of the station's loops. Each loop owns a <see cref="HealthProbe"/> and beats it every cycle; the
/// systemd watchdog is fed only while every probe is fresh, so a hung EVSE loop or OCPP engine gets the
/// process restarted instead of a bare timer keeping a dead service "alive".
/// </summary>
internal sealed class StationHealth(TimeProvider time)
{
    private readonly List<HealthProbe> probes = [];
    private readonly Lock gate = new();

    public HealthProbe Register(string name, TimeSpan maxSilence)
    {
        var probe = new HealthProbe(name, maxSilence, time);
        lock (gate)
        {
            probes.Add(probe);
        }

        return probe;
    }

    /// <summary>Returns the names of probes that have not beaten within their allowance (empty = healthy).</summary>
    public IReadOnlyList<string> StaleProbes()
    {
        lock (gate)
        {
            return probes.Where(p => p.IsStale()).Select(p => p.Name).ToList();
        }
    }
}
