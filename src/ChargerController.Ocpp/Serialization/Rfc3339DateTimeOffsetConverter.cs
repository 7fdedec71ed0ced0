using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargerController.Ocpp.Serialization;

/// <summary>
/// Reads any RFC 3339 date-time into a <see cref="DateTimeOffset"/> (offset and 100 ns precision kept) and writes UTC
/// with <c>Z</c> and at most millisecond precision (Part 2 §2.1.4). System.Text.Json's own ISO 8601 handling accepts
/// forms RFC 3339 forbids (date-only, no offset) and writes 7 fraction digits, hence this converter.
/// </summary>
public sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an RFC 3339 date-time string.");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return Rfc3339.TryParse(reader.ValueSpan, out var direct) ? direct : throw new JsonException("Not an RFC 3339 date-time.");
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > 64)
        {
            throw new JsonException("Date-time string is too long.");
        }

        Span<byte> buffer = stackalloc byte[64];
        var text = buffer[..reader.CopyString(buffer)];
        return Rfc3339.TryParse(text, out var value) ? value : throw new JsonException("Not an RFC 3339 date-time.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[Rfc3339.MaxFormattedLength];
        writer.WriteStringValue(buffer[..Rfc3339.Format(value, buffer)]);
    }
}
