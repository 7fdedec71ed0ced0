using System.Text.Json.Serialization;

namespace ChargerController.Cli.Output;

/// <summary>One line of <c>rfid watch --json</c>.</summary>
public sealed record CardReadJson
{
    /// <summary>UID as upper-case hex.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; init; }

    /// <summary>OCPP IdToken type the station would send.</summary>
    [JsonPropertyName("idTokenType")]
    public required string IdTokenType { get; init; }

    /// <summary>Whether the UID is random per activation (unusable for authorization).</summary>
    [JsonPropertyName("randomUid")]
    public bool RandomUid { get; init; }

    /// <summary>When it was read (ISO 8601).</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset Timestamp { get; init; }
}
