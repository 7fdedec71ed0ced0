using System.Collections.Concurrent;

namespace ChargerController.Station.Monitoring;

/// <summary>A non-durable <see cref="IMonitorStore"/> (tests, simulator without a database).</summary>
public sealed class InMemoryMonitorStore : IMonitorStore
{
    private readonly ConcurrentDictionary<int, VariableMonitor> _monitors = new();

    /// <inheritdoc/>
    public IReadOnlyList<VariableMonitor> LoadAll() => [.. _monitors.Values.OrderBy(m => m.Id)];

    /// <inheritdoc/>
    public void Save(VariableMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitors[monitor.Id] = monitor;
    }

    /// <inheritdoc/>
    public void Delete(int id) => _monitors.TryRemove(id, out _);

    /// <inheritdoc/>
    public void DeleteAll() => _monitors.Clear();
}
