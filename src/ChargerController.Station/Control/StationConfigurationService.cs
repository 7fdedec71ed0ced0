using System.Globalization;
using ChargerController.Control.Wire;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Control;

/// <summary>
/// <c>chargerctl config list|get|set</c> without a transport: device-model variables go through the same
/// <see cref="StationDeviceModel"/> validation and persistence as an OCPP SetVariables (B05), so a technician cannot
/// store a value the CSMS could not; chargerd's own file settings are shown read-only (they live in the configuration
/// file, which the service may not write).
/// </summary>
public sealed class StationConfigurationService
{
    private readonly StationDeviceModel model;
    private readonly IReadOnlyList<ConfigVariable> localSettings;
    private readonly string configFile;

    /// <summary>Creates the service.</summary>
    /// <param name="model">The device model.</param>
    /// <param name="localSettings">chargerd's own settings (keys with <see cref="ConfigKey.LocalPrefix"/>), secrets already removed.</param>
    /// <param name="configFile">The configuration file, named in the refusal of a local-setting change.</param>
    public StationConfigurationService(StationDeviceModel model, IReadOnlyList<ConfigVariable> localSettings, string configFile)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(localSettings);
        ArgumentNullException.ThrowIfNull(configFile);
        this.model = model;
        this.localSettings = localSettings;
        this.configFile = configFile;
    }

    /// <summary>Lists everything; <paramref name="filter"/> keeps keys containing it (case-insensitive).</summary>
    /// <param name="filter">Substring of the key, or null.</param>
    /// <returns>Device-model variables then local settings.</returns>
    public ConfigList List(string? filter)
    {
        var variables = model.Definitions.Select(Describe).OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase)
            .Concat(localSettings.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase))
            .Where(v => string.IsNullOrEmpty(filter) || v.Key.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new ConfigList(variables);
    }

    /// <summary>Gets one value.</summary>
    /// <param name="key">Key text.</param>
    /// <param name="error">Why not, when null is returned.</param>
    /// <returns>The value or null.</returns>
    public ConfigVariable? Get(string? key, out ControlOutcome? error)
    {
        error = null;
        if (key is not null && key.StartsWith(ConfigKey.LocalPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var local = localSettings.FirstOrDefault(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase));
            error = local is null ? NotFound(key) : null;
            return local;
        }

        if (!TryFind(key, out var definition, out error))
        {
            return null;
        }

        return Describe(definition!);
    }

    /// <summary>Sets a device-model variable as SetVariables would (validated, stored durably, applied).</summary>
    /// <param name="key">Key text.</param>
    /// <param name="value">New value.</param>
    /// <param name="error">Why not, when null is returned.</param>
    /// <returns>The result or null.</returns>
    public ConfigSetResult? Set(string? key, string? value, out ControlOutcome? error)
    {
        if (key is not null && key.StartsWith(ConfigKey.LocalPrefix, StringComparison.OrdinalIgnoreCase))
        {
            error = ControlOutcome.Refused($"{key} is a local setting: change it in {configFile} (or with a chargerd flag) and restart the service");
            return null;
        }

        if (value is null)
        {
            error = ControlOutcome.Invalid("a value is required");
            return null;
        }

        if (!TryFind(key, out var definition, out error))
        {
            return null;
        }

        var name = ConfigKey.Format(definition!.Key);
        if (definition.Secret)
        {
            error = ControlOutcome.Refused($"{name} is a secret: it is kept in a file readable only by the service user, not set from the console");
            return null;
        }

        var status = model.TrySet(definition.Key, null, value, out var reason);
        switch (status)
        {
            case SetVariableStatusEnumType.Accepted:
                return new ConfigSetResult(name, "Accepted", $"{name} = {value}");
            case SetVariableStatusEnumType.RebootRequired:
                return new ConfigSetResult(name, "RebootRequired", $"{name} = {value} (takes effect after a restart: sudo systemctl restart chargercontroller)");
            case SetVariableStatusEnumType.Rejected when reason == "ReadOnly":
                error = ControlOutcome.Refused($"{name} is read-only");
                return null;
            default:
                error = ControlOutcome.Invalid($"{name}: '{value}' rejected: {reason ?? status.ToString()}{AllowedHint(definition)}");
                return null;
        }
    }

    /// <summary>Describes a variable; write-only and secret values are never returned.</summary>
    /// <param name="definition">The variable.</param>
    /// <returns>The description.</returns>
    public ConfigVariable Describe(VariableDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var hidden = definition.Secret || definition.Mutability == MutabilityEnumType.WriteOnly;
        return new ConfigVariable(
            ConfigKey.Format(definition.Key),
            hidden ? null : model.GetValue(definition.Key),
            DataTypeName(definition.DataType),
            definition.Constant ? "ReadOnly" : definition.Mutability.ToString(),
            definition.Unit,
            Allowed(definition),
            definition.RebootRequired);
    }

    private static string DataTypeName(DataEnumType type) => type switch
    {
        DataEnumType.String => "string",
        DataEnumType.Decimal => "decimal",
        DataEnumType.Integer => "integer",
        DataEnumType.DateTime => "dateTime",
        DataEnumType.Boolean => "boolean",
        _ => type.ToString(),
    };

    private static string? Allowed(VariableDefinition definition)
    {
        if (definition.ValuesList is { } values)
        {
            return values;
        }

        if (definition.MinLimit is null && definition.MaxLimit is null)
        {
            return null;
        }

        var min = definition.MinLimit?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var max = definition.MaxLimit?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return $"{min}..{max}";
    }

    private static string AllowedHint(VariableDefinition definition) => Allowed(definition) is { } allowed ? $" (allowed: {allowed})" : string.Empty;

    private static ControlOutcome NotFound(string key) =>
        new(false, ControlErrorCodes.NotFound, $"no configuration key '{key}' (chargerctl config list shows them)");

    private bool TryFind(string? key, out VariableDefinition? definition, out ControlOutcome? error)
    {
        definition = null;
        var parsed = ConfigKey.TryParse(key);
        if (parsed is null)
        {
            error = ControlOutcome.Invalid($"'{key}' is not a configuration key: Component/Variable (e.g. OCPPCommCtrlr/HeartbeatInterval), Component@EVSE/Variable, or local:Name");
            return false;
        }

        if (model.Find(parsed, out definition) != VariableLookup.Found)
        {
            error = NotFound(key!);
            return false;
        }

        error = null;
        return true;
    }
}
