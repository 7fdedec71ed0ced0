namespace ChargerController.Control.Wire;

/// <summary>The answer to <c>diag.database</c>: the station database at a glance, for support bundles.</summary>
/// <param name="Path">Database file.</param>
/// <param name="FileBytes">Size of the database file.</param>
/// <param name="WalBytes">Size of the write-ahead log (0 when absent).</param>
/// <param name="SchemaVersion">PRAGMA user_version (number of migrations applied).</param>
/// <param name="Tables">Row count per table.</param>
public sealed record DatabaseStats(string Path, long FileBytes, long WalBytes, int SchemaVersion, IReadOnlyDictionary<string, long> Tables);
