using System.Globalization;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <summary>
/// The station's OCPP device model: the supported variables, their current values (initial value ← configuration
/// file ← stored value) and typed accessors for the rest of the station. Thread-safe; every accepted change is stored
/// durably before <see cref="Changed"/> fires.
/// </summary>
public sealed class StationDeviceModel
{
    private const string InternalPrefix = "~";
    private readonly Dictionary<VariableKey, VariableDefinition> _definitions;
    private readonly Dictionary<VariableKey, string> _values = [];
    private readonly Dictionary<string, string> _internal = new(StringComparer.Ordinal);
    private readonly Dictionary<VariableKey, Func<string, VariableRejection?>> _guards = [];
    private readonly Dictionary<VariableKey, Func<string>> _live = [];
    private readonly IDeviceModelStore _store;
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="StationDeviceModel"/> class.</summary>
    /// <param name="definitions">The supported variables.</param>
    /// <param name="store">Durable store of changed values.</param>
    /// <param name="configuredValues">Initial values from the configuration file, keyed by <see cref="VariableKey.ToStorageKey"/> (case-insensitive); invalid ones are ignored.</param>
    public StationDeviceModel(IEnumerable<VariableDefinition> definitions, IDeviceModelStore store, IReadOnlyDictionary<string, string>? configuredValues = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _definitions = definitions.ToDictionary(d => Normalize(d.Key));
        var configured = configuredValues is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : configuredValues.ToDictionary(kv => kv.Key.ToUpperInvariant(), kv => kv.Value, StringComparer.Ordinal);
        var stored = store.LoadAll();
        foreach (var (key, definition) in _definitions)
        {
            var storageKey = key.ToStorageKey();
            if (!definition.Constant && definition.Persistent && stored.TryGetValue(storageKey, out var saved) && VariableValueValidator.IsValid(definition, saved, out _))
            {
                _values[key] = saved;
            }
            else if (configured.TryGetValue(storageKey, out var fromConfig) && VariableValueValidator.IsValid(definition, fromConfig, out _))
            {
                _values[key] = fromConfig;
            }
            else if (definition.InitialValue is { } initial)
            {
                _values[key] = initial;
            }
        }

        foreach (var (key, value) in stored)
        {
            if (key.StartsWith(InternalPrefix, StringComparison.Ordinal))
            {
                _internal[key] = value;
            }
        }
    }

    /// <summary>Raised after a value changed and was stored.</summary>
    public event EventHandler<VariableChangedEventArgs>? Changed;

    /// <summary>
    /// Raised after the SetVariablesResponse that accepted a change went out (house rule 13, respond-then-act): the place
    /// for effects that would cut the answer off, such as reconnecting with a new BasicAuthPassword (A01).
    /// </summary>
    public event EventHandler<VariableChangedEventArgs>? ChangeAnswered;

    /// <summary>Gets every supported variable.</summary>
    public IReadOnlyCollection<VariableDefinition> Definitions => _definitions.Values;

    /// <summary>Looks a variable up.</summary>
    /// <param name="key">The component/variable as the CSMS named it.</param>
    /// <param name="definition">The variable when found.</param>
    /// <returns>Whether the component and the variable exist.</returns>
    public VariableLookup Find(VariableKey key, out VariableDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalized = Normalize(key);
        if (_definitions.TryGetValue(normalized, out definition))
        {
            return VariableLookup.Found;
        }

        var componentExists = _definitions.Keys.Any(k => SameComponent(k, normalized));
        return componentExists ? VariableLookup.UnknownVariable : VariableLookup.UnknownComponent;
    }

    /// <summary>Gets the current value; null when unset or unknown.</summary>
    /// <param name="key">The variable.</param>
    /// <returns>The value.</returns>
    public string? GetValue(VariableKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalized = Normalize(key);
        Func<string>? live;
        lock (_gate)
        {
            if (!_live.TryGetValue(normalized, out live))
            {
                return _values.TryGetValue(normalized, out var value) ? value : null;
            }
        }

        return live();
    }

    /// <summary>
    /// Makes a variable's value computed on every read (e.g. <c>ClockCtrlr.DateTime</c>) instead of stored. Unknown keys
    /// are ignored.
    /// </summary>
    /// <param name="key">The variable.</param>
    /// <param name="value">Computes the current value; must be cheap and never throw.</param>
    public void RegisterLiveValue(VariableKey key, Func<string> value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var normalized = Normalize(key);
            if (_definitions.ContainsKey(normalized))
            {
                _live[normalized] = value;
            }
        }
    }

    /// <summary>
    /// Adds a check that a block applies to SetVariables values of one variable beyond its characteristics (e.g. B10.FR.02:
    /// every slot in <c>NetworkConfigurationPriority</c> must hold a valid profile). Unknown keys are ignored.
    /// </summary>
    /// <param name="key">The variable.</param>
    /// <param name="check">Value → null when acceptable, else the reason for <c>Rejected</c>.</param>
    public void AddValidator(VariableKey key, Func<string, string?> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        AddValidator(key, v => check(v) is { } reason ? new VariableRejection(VariableRejection.InvalidValue, reason) : null);
    }

    /// <summary>
    /// Adds a check with its own reason code (e.g. B09.FR.22 <c>ActiveNetworkConf</c>), applied to SetVariables values of
    /// one variable beyond its characteristics. Unknown keys are ignored.
    /// </summary>
    /// <param name="key">The variable.</param>
    /// <param name="check">Value → null when acceptable, else the rejection to answer.</param>
    public void AddValidator(VariableKey key, Func<string, VariableRejection?> check)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(check);
        lock (_gate)
        {
            var normalized = Normalize(key);
            if (_definitions.ContainsKey(normalized))
            {
                _guards[normalized] = _guards.TryGetValue(normalized, out var previous)
                    ? v => previous(v) ?? check(v)
                    : check;
            }
        }
    }

    /// <summary>Raises <see cref="ChangeAnswered"/> (called by the SetVariables handler once its answer was sent).</summary>
    /// <param name="key">The variable as the CSMS named it.</param>
    /// <param name="value">The value set.</param>
    public void NotifyAnswered(VariableKey key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (_definitions.TryGetValue(Normalize(key), out var definition))
        {
            ChangeAnswered?.Invoke(this, new VariableChangedEventArgs(definition.Key, value));
        }
    }

    /// <summary>Gets an integer value, or <paramref name="fallback"/> when unset or unparsable.</summary>
    /// <param name="component">Component name (station level).</param>
    /// <param name="variable">Variable name.</param>
    /// <param name="fallback">Fallback.</param>
    /// <param name="instance">Variable instance.</param>
    /// <returns>The value.</returns>
    public int GetInt(string component, string variable, int fallback, string? instance = null) =>
        int.TryParse(GetValue(VariableKey.Of(component, variable, instance)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>Gets a boolean value, or <paramref name="fallback"/> when unset.</summary>
    /// <param name="component">Component name (station level).</param>
    /// <param name="variable">Variable name.</param>
    /// <param name="fallback">Fallback.</param>
    /// <returns>The value.</returns>
    public bool GetBool(string component, string variable, bool fallback) =>
        GetValue(VariableKey.Of(component, variable)) switch
        {
            "true" => true,
            "false" => false,
            _ => fallback,
        };

    /// <summary>Applies a SetVariables item (B05): validates, stores, notifies.</summary>
    /// <param name="key">The variable.</param>
    /// <param name="attribute">Attribute type (null = Actual, B05.FR.12).</param>
    /// <param name="value">The value.</param>
    /// <param name="reason">Why it was refused, when it was.</param>
    /// <returns>The status to answer.</returns>
    public SetVariableStatusEnumType TrySet(VariableKey key, AttributeEnumType? attribute, string value, out string? reason)
    {
        var status = TrySetWithRejection(key, attribute, value, out var rejection);
        reason = rejection?.AdditionalInfo;
        return status;
    }

    /// <summary>Applies a SetVariables item (B05): validates, stores, notifies; a refusal carries its reason code.</summary>
    /// <param name="key">The variable.</param>
    /// <param name="attribute">Attribute type (null = Actual, B05.FR.12).</param>
    /// <param name="value">The value.</param>
    /// <param name="rejection">Why it was refused, when it was.</param>
    /// <returns>The status to answer.</returns>
    public SetVariableStatusEnumType TrySetWithRejection(VariableKey key, AttributeEnumType? attribute, string value, out VariableRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        rejection = null;
        switch (Find(key, out var definition))
        {
            case VariableLookup.UnknownComponent:
                return SetVariableStatusEnumType.UnknownComponent;
            case VariableLookup.UnknownVariable:
                return SetVariableStatusEnumType.UnknownVariable;
        }

        if ((attribute ?? AttributeEnumType.Actual) != AttributeEnumType.Actual)
        {
            return SetVariableStatusEnumType.NotSupportedAttributeType;
        }

        if (definition!.Mutability == MutabilityEnumType.ReadOnly || definition.Constant)
        {
            rejection = new VariableRejection(VariableRejection.InvalidValue, "ReadOnly");
            return SetVariableStatusEnumType.Rejected;
        }

        if (!VariableValueValidator.IsValid(definition, value, out var invalid))
        {
            rejection = new VariableRejection(VariableRejection.InvalidValue, invalid ?? "invalid");
            return SetVariableStatusEnumType.Rejected;
        }

        Func<string, VariableRejection?>? guard;
        lock (_gate)
        {
            _guards.TryGetValue(Normalize(definition.Key), out guard);
        }

        if (guard?.Invoke(value) is { } refused)
        {
            rejection = refused;
            return SetVariableStatusEnumType.Rejected;
        }

        Store(definition.Key, value);
        return definition.RebootRequired ? SetVariableStatusEnumType.RebootRequired : SetVariableStatusEnumType.Accepted;
    }

    /// <summary>Sets a value the station itself owns (e.g. <c>AvailabilityState</c>), bypassing mutability; unknown keys are ignored.</summary>
    /// <param name="key">The variable.</param>
    /// <param name="value">The value.</param>
    public void SetByStation(VariableKey key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (_definitions.TryGetValue(Normalize(key), out var definition))
        {
            Store(definition.Key, value);
        }
    }

    /// <summary>Gets a station-internal persisted value that is not part of the OCPP device model (e.g. the operational state behind ChangeAvailability).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value or null.</returns>
    public string? GetInternal(string name)
    {
        lock (_gate)
        {
            return _internal.TryGetValue(InternalPrefix + name, out var value) ? value : null;
        }
    }

    /// <summary>Stores a station-internal value durably.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public void SetInternal(string name, string value)
    {
        lock (_gate)
        {
            _store.Save(InternalPrefix + name, value);
            _internal[InternalPrefix + name] = value;
        }
    }

    private static VariableKey Normalize(VariableKey key) => new(
        key.Component.ToUpperInvariant(),
        key.ComponentInstance?.ToUpperInvariant(),
        key.EvseId,
        key.ConnectorId,
        key.Variable.ToUpperInvariant(),
        key.VariableInstance?.ToUpperInvariant());

    private static bool SameComponent(VariableKey a, VariableKey b) =>
        a.Component == b.Component && a.ComponentInstance == b.ComponentInstance && a.EvseId == b.EvseId && a.ConnectorId == b.ConnectorId;

    private void Store(VariableKey key, string value)
    {
        var normalized = Normalize(key);
        lock (_gate)
        {
            if (_values.TryGetValue(normalized, out var current) && current == value)
            {
                return;
            }

            if (_definitions[normalized].Persistent)
            {
                _store.Save(normalized.ToStorageKey(), value);
            }

            _values[normalized] = value;
        }

        Changed?.Invoke(this, new VariableChangedEventArgs(key, value));
    }
}
