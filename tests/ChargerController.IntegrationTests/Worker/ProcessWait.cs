namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// The one real-time bound of the process-level tests. It is a hang guard only: every wait it bounds awaits a positive
/// condition (output, exit, a status, a frame), so a generous bound costs nothing when the test passes. chargerd runs as
/// a JIT-compiled process; on a loaded 2-core CI machine (other test assemblies running beside it) its start-up alone
/// took over 10 s, and the demo narrative itself lasts about 12 s, so 20 s bounds failed runs that were merely slow.
/// </summary>
internal static class ProcessWait
{
    /// <summary>Gets the bound on any single wait for chargerd (its start, an output line, a status, its exit).</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(60);
}
