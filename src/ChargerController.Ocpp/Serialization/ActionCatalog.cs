using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChargerController.Ocpp.Serialization;

/// <summary>
/// The OCPP 2.1 action catalogue: action ↔ request/response types ↔ functional block ↔ direction ↔ 2.0.1 presence
/// ↔ SEND. The table itself is generated (ActionCatalog.g.cs) from the schemas and the generator's ActionBlocks.csv.
/// Immutable, so shared process-wide.
/// </summary>
public static partial class ActionCatalog
{
    private static readonly OcppActionInfo[] Actions = CreateActions();

    private static readonly FrozenDictionary<string, OcppActionInfo> ByName =
        Actions.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, OcppActionInfo> ByPayloadType =
        Actions.SelectMany(a => a.ResponseType is null ? [(a.RequestType, a)] : new[] { (a.RequestType, a), (a.ResponseType, a) })
            .ToFrozenDictionary(p => p.Item1, p => p.a);

    /// <summary>Gets every action, ordered by name.</summary>
    public static IReadOnlyList<OcppActionInfo> All => Actions;

    /// <summary>Gets the serializer options of the source-generated <see cref="OcppJsonContext"/>.</summary>
    public static JsonSerializerOptions SerializerOptions => OcppJsonContext.Default.Options;

    /// <summary>Looks an action up by its wire name (case-sensitive, as OCPP-J action names are).</summary>
    /// <param name="action">Action name, e.g. <c>Heartbeat</c>.</param>
    /// <param name="info">The entry, when known.</param>
    /// <returns><see langword="true"/> when the action exists in OCPP 2.1.</returns>
    public static bool TryGet(string action, [NotNullWhen(true)] out OcppActionInfo? info) => ByName.TryGetValue(action, out info);

    /// <summary>Whether <paramref name="action"/> exists in <paramref name="version"/> (unknown → CALLERROR NotImplemented, Part 4 §4.3).</summary>
    /// <param name="action">Action name.</param>
    /// <param name="version">Negotiated protocol version.</param>
    /// <returns><see langword="true"/> when known for that version.</returns>
    public static bool IsKnown(string action, OcppVersion version) => TryGet(action, out var info) && info.ExistsIn(version);

    /// <summary>Finds the action whose request or response payload type is <paramref name="payloadType"/>.</summary>
    /// <param name="payloadType">E.g. <c>typeof(BootNotificationRequest)</c>.</param>
    /// <param name="info">The entry, when the type is an OCPP payload type.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryGetByPayloadType(Type payloadType, [NotNullWhen(true)] out OcppActionInfo? info) =>
        ByPayloadType.TryGetValue(payloadType, out info);

    /// <summary>Gets the source-generated metadata for a payload type of the catalogue.</summary>
    /// <param name="payloadType">A request, response or SEND type.</param>
    /// <returns>The metadata from <see cref="OcppJsonContext.Default"/>.</returns>
    /// <exception cref="ArgumentException">The type is not an OCPP payload type.</exception>
    public static JsonTypeInfo GetTypeInfo(Type payloadType) =>
        OcppJsonContext.Default.GetTypeInfo(payloadType) ?? throw new ArgumentException($"{payloadType} is not an OCPP payload type.", nameof(payloadType));
}
