namespace ChargerController.Station.DeviceModel;

/// <summary>A device-model value changed (SetVariables or the station itself).</summary>
/// <param name="key">The variable.</param>
/// <param name="value">The new value.</param>
public sealed class VariableChangedEventArgs(VariableKey key, string value) : EventArgs
{
    /// <summary>Gets the variable.</summary>
    public VariableKey Key { get; } = key;

    /// <summary>Gets the new value.</summary>
    public string Value { get; } = value;
}
