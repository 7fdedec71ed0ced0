using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Dispatch;

/// <summary>Payload (de)serialisation with the failure mapped to the RPC error code Part 4 §4.3 asks for.</summary>
internal static class JsonPayload
{
    public static T Deserialize<T>(JsonElement payload, JsonTypeInfo<T> info)
    {
        try
        {
            return payload.Deserialize(info) ?? throw new OcppCallErrorException(RpcErrorCode.FormatViolation, "Payload is null");
        }
        catch (JsonException ex)
        {
            // The schema validator, when wired, has already given the precise code; this is the backstop.
            throw new OcppCallErrorException(RpcErrorCode.FormatViolation, "Payload does not match " + typeof(T).Name + ": " + ex.Path, "{}");
        }
    }

    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        if (options.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> info)
        {
            return info;
        }

        throw new InvalidOperationException(typeof(T).Name + " has no source-generated JsonTypeInfo in the injected options.");
    }

    /// <summary>Action of a CALL: the request type name minus the <c>Request</c> suffix (Part 4 §4.1.6).</summary>
    public static string ActionOfRequest(Type requestType)
    {
        const string Suffix = "Request";
        var name = requestType.Name;
        if (!name.EndsWith(Suffix, StringComparison.Ordinal) || name.Length == Suffix.Length)
        {
            throw new ArgumentException("A request type name ends in 'Request': " + name, nameof(requestType));
        }

        return name[..^Suffix.Length];
    }
}
