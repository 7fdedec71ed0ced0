namespace ChargerController.Station.Monitoring;

/// <summary>
/// Durable storage of custom monitors and of tombstones of cleared preconfigured monitors (N07.FR.13: monitors survive
/// reboots). Implemented on SQLite by Storage; <see cref="InMemoryMonitorStore"/> otherwise.
/// </summary>
public interface IMonitorStore
{
    /// <summary>Loads every stored monitor.</summary>
    /// <returns>The monitors.</returns>
    IReadOnlyList<VariableMonitor> LoadAll();

    /// <summary>Inserts or replaces a monitor by id, durably, before returning.</summary>
    /// <param name="monitor">The monitor.</param>
    void Save(VariableMonitor monitor);

    /// <summary>Deletes a monitor by id (no-op when absent).</summary>
    /// <param name="id">The id.</param>
    void Delete(int id);

    /// <summary>Deletes every stored monitor (SetMonitoringBase FactoryDefault / HardWiredOnly).</summary>
    void DeleteAll();
}
