using System.Globalization;
using System.Text.RegularExpressions;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Control;

/// <summary>
/// The text form of a device-model variable that technicians type: <c>Component[instance]@evse.connector/Variable[instance]</c>,
/// the same as the storage key and the configuration file's <c>DeviceModel</c> section (case-insensitive, Part 2 §2.2).
/// </summary>
public static partial class ConfigKey
{
    /// <summary>Prefix of chargerd's own (file) settings.</summary>
    public const string LocalPrefix = "local:";

    /// <summary>Parses a key; <see langword="null"/> when it is not of the documented form.</summary>
    /// <param name="text">E.g. <c>OCPPCommCtrlr/HeartbeatInterval</c> or <c>EVSE@1/AvailabilityState</c>.</param>
    /// <returns>The key or null.</returns>
    public static VariableKey? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        static string? Optional(Group g) => g.Success ? g.Value : null;
        static int? Number(Group g) => g.Success && int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new VariableKey(
            match.Groups["c"].Value,
            Optional(match.Groups["ci"]),
            Number(match.Groups["e"]),
            Number(match.Groups["cn"]),
            match.Groups["v"].Value,
            Optional(match.Groups["vi"]));
    }

    /// <summary>The display form of a key (original case of the definition), e.g. <c>OCPPCommCtrlr/HeartbeatInterval</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text.</returns>
    public static string Format(VariableKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var component = key.ComponentInstance is null ? key.Component : $"{key.Component}[{key.ComponentInstance}]";
        var location = key.EvseId is null ? string.Empty : key.ConnectorId is null
            ? string.Create(CultureInfo.InvariantCulture, $"@{key.EvseId}")
            : string.Create(CultureInfo.InvariantCulture, $"@{key.EvseId}.{key.ConnectorId}");
        var variable = key.VariableInstance is null ? key.Variable : $"{key.Variable}[{key.VariableInstance}]";
        return $"{component}{location}/{variable}";
    }

    [GeneratedRegex(@"^(?<c>[A-Za-z0-9_\-]+)(\[(?<ci>[^\]]+)\])?(@(?<e>[0-9]+)(\.(?<cn>[0-9]+))?)?/(?<v>[A-Za-z0-9_\-]+)(\[(?<vi>[^\]]+)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
