using System.Collections.Concurrent;

namespace ChargerController.Station.DeviceModel;

/// <summary>A non-durable <see cref="IDeviceModelStore"/> for stations without a disk (and for tests of the logic around it).</summary>
public sealed class InMemoryDeviceModelStore : IDeviceModelStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> LoadAll() => new Dictionary<string, string>(_values, StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Save(string storageKey, string value) => _values[storageKey] = value;
}
