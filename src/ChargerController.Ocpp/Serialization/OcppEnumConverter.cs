using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargerController.Ocpp.Serialization;

/// <summary>
/// Table-driven converter for a generated <c>…EnumType</c>: member <c>i</c> (declared in schema order, values 0..n-1)
/// has wire string <c>wireNames[i]</c>. Compares raw UTF-8 (bucketed by length) and writes pre-encoded text, which
/// is several times cheaper than <see cref="JsonStringEnumConverter{TEnum}"/> resolving
/// <see cref="JsonStringEnumMemberNameAttribute"/> names; a TransactionEvent carries ~30 enum values. Matching is
/// exact and case-sensitive, like the schemas' <c>enum</c>.
/// </summary>
/// <typeparam name="T">The generated enum (underlying type <see cref="int"/>).</typeparam>
internal abstract class OcppEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private readonly JsonEncodedText[] _encoded;
    private readonly (byte[] Utf8, int Value)[][] _byLength;

    /// <summary>Initializes a new instance of the <see cref="OcppEnumConverter{T}"/> class.</summary>
    /// <param name="wireNames">Wire strings in member order.</param>
    protected OcppEnumConverter(string[] wireNames)
    {
        ArgumentNullException.ThrowIfNull(wireNames);
        _encoded = [.. wireNames.Select(n => JsonEncodedText.Encode(n))];
        var utf8 = wireNames.Select((n, i) => (Utf8: Encoding.UTF8.GetBytes(n), Value: i)).ToArray();
        _byLength = new (byte[], int)[utf8.Max(u => u.Utf8.Length) + 1][];
        for (var length = 0; length < _byLength.Length; length++)
        {
            _byLength[length] = [.. utf8.Where(u => u.Utf8.Length == length)];
        }
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a {typeof(T).Name} string.");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return Lookup(reader.ValueSpan);
        }

        Span<byte> buffer = stackalloc byte[128];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length)
        {
            throw new JsonException($"Not a {typeof(T).Name} value.");
        }

        return Lookup(buffer[..reader.CopyString(buffer)]);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var index = Unsafe.As<T, int>(ref value);
        if ((uint)index >= (uint)_encoded.Length)
        {
            throw new JsonException($"{index} is not a defined {typeof(T).Name} member.");
        }

        writer.WriteStringValue(_encoded[index]);
    }

    private T Lookup(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < _byLength.Length)
        {
            foreach (var (candidate, value) in _byLength[utf8.Length])
            {
                if (utf8.SequenceEqual(candidate))
                {
                    var v = value;
                    return Unsafe.As<int, T>(ref v);
                }
            }
        }

        throw new JsonException($"Not a {typeof(T).Name} value.");
    }
}
