namespace ChargerController.Station.DeviceModel;

/// <summary>Durable storage of device-model values that differ from their initial value (implemented by Storage on SQLite).</summary>
public interface IDeviceModelStore
{
    /// <summary>Loads every stored value.</summary>
    /// <returns>Storage key (<see cref="VariableKey.ToStorageKey"/>) → value.</returns>
    IReadOnlyDictionary<string, string> LoadAll();

    /// <summary>Stores one value durably before returning (the caller answers the CSMS afterwards).</summary>
    /// <param name="storageKey">The storage key.</param>
    /// <param name="value">The value.</param>
    void Save(string storageKey, string value);
}
