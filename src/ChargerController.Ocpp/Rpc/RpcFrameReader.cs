using System.Text.Json;
using System.Text.Unicode;

namespace ChargerController.Ocpp.Rpc;

/// <summary>
/// Parses one OCPP-J text frame with a forward-only <see cref="Utf8JsonReader"/>. It never throws on bad input:
/// a malformed frame yields a diagnosis carrying whatever message type and id could be read before the damage,
/// so the caller can answer with the CALLERROR Part 4 §4.2.3 prescribes (or "-1" when the id is unreadable).
/// </summary>
public static class RpcFrameReader
{
    /// <summary>Maximum message id length (Part 4 §4.1.4, Table 4: string[36]).</summary>
    public const int MaxMessageIdLength = 36;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Reads a complete frame.</summary>
    /// <param name="utf8">The frame bytes, expected to be UTF-8 JSON.</param>
    /// <returns>The frame or a diagnosis; never <see langword="null"/>.</returns>
    public static RpcReadResult Read(ReadOnlySpan<byte> utf8)
    {
        // Part 4 §4.1.2: the whole message must be UTF-8. Still walk the envelope to salvage the id for the answer.
        var validUtf8 = Utf8.IsValid(utf8);
        var state = default(Salvage);
        RpcReadResult result;
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            result = ReadEnvelope(ref reader, ref state);
        }
        catch (JsonException)
        {
            result = Bad(ref state, "Frame is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // GetString on a string with invalid UTF-8 or a lone surrogate escape.
            result = Bad(ref state, "Frame contains an unreadable string");
        }

        if (!validUtf8 && result.Status == RpcReadStatus.Frame)
        {
            return RpcReadResult.Bad(RpcErrorCode.FormatViolation, "Frame is not valid UTF-8", state.TypeNumber, state.MessageId, state.Action);
        }

        return result;
    }

    /// <summary>
    /// Diagnoses a frame that exceeded the receive size limit: only its beginning is available, which is enough to
    /// read type and id so the sender gets a CALLERROR instead of silence.
    /// </summary>
    /// <param name="prefix">The first bytes of the oversized frame.</param>
    /// <returns>A <see cref="RpcReadStatus.Malformed"/> result with <see cref="RpcErrorCode.FormatViolation"/>.</returns>
    public static RpcReadResult ReadOversized(ReadOnlySpan<byte> prefix)
    {
        var state = default(Salvage);
        try
        {
            var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(ReaderOptions));
            if (reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var type))
            {
                state.TypeNumber = type;
                if (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    state.MessageId = reader.GetString();
                    if (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        state.Action = reader.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Whatever was salvaged before the damage is used.
        }
        catch (InvalidOperationException)
        {
            // Idem: unreadable string.
        }

        // B06.FR.17 uses FormatViolation for a message with too many bytes.
        return RpcReadResult.Bad(RpcErrorCode.FormatViolation, "Frame exceeds the size limit", state.TypeNumber, state.MessageId, state.Action);
    }

    private static RpcReadResult ReadEnvelope(ref Utf8JsonReader reader, ref Salvage state)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return RpcReadResult.Bad(RpcErrorCode.RpcFrameworkError, "Frame is not a JSON array", null, null, null);
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var typeNumber))
        {
            return RpcReadResult.Bad(RpcErrorCode.RpcFrameworkError, "Message type is not an integer", null, null, null);
        }

        state.TypeNumber = typeNumber;
        var known = typeNumber is >= (int)RpcMessageType.Call and <= (int)RpcMessageType.Send;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return known
                ? RpcReadResult.Bad(RpcErrorCode.RpcFrameworkError, "Message id is not a string", typeNumber, null, null)
                : RpcReadResult.Unknown(typeNumber, null);
        }

        var messageId = reader.GetString()!;
        state.MessageId = messageId;
        if (!known)
        {
            // Part 4 §4.1.3 (2.1): ignore the payload of an unknown message type, so do not parse any further.
            return RpcReadResult.Unknown(typeNumber, messageId);
        }

        if (messageId.Length is 0 or > MaxMessageIdLength)
        {
            return RpcReadResult.Bad(RpcErrorCode.RpcFrameworkError, "Message id is empty or longer than 36 characters", typeNumber, messageId, null);
        }

        var type = (RpcMessageType)typeNumber;
        RpcFrame frame;
        switch (type)
        {
            case RpcMessageType.Call:
            case RpcMessageType.Send:
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return Bad(ref state, RpcErrorCode.RpcFrameworkError, "Action is not a string");
                }

                var action = reader.GetString()!;
                state.Action = action;
                if (action.Length == 0)
                {
                    return Bad(ref state, RpcErrorCode.RpcFrameworkError, "Action is empty");
                }

                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return Bad(ref state, RpcErrorCode.FormatViolation, "Payload is not a JSON object");
                }

                frame = RpcFrame.Request(type, messageId, action, JsonElement.ParseValue(ref reader));
                break;

            case RpcMessageType.CallResult:
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return Bad(ref state, RpcErrorCode.FormatViolation, "Payload is not a JSON object");
                }

                frame = RpcFrame.CallResult(messageId, JsonElement.ParseValue(ref reader));
                break;

            default:
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return Bad(ref state, RpcErrorCode.RpcFrameworkError, "Error code is not a string");
                }

                var code = reader.GetString()!;
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return Bad(ref state, RpcErrorCode.RpcFrameworkError, "Error description is not a string");
                }

                var description = reader.GetString()!;
                if (!reader.Read())
                {
                    return Bad(ref state, "Frame is not valid JSON");
                }

                var details = default(JsonElement);

                // Be lenient with peers that leave out or null the details object that Part 4 §4.2.3 requires.
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    details = JsonElement.ParseValue(ref reader);
                }
                else if (reader.TokenType == JsonTokenType.Null)
                {
                    // Accepted as "no details".
                }
                else if (reader.TokenType != JsonTokenType.EndArray)
                {
                    return Bad(ref state, RpcErrorCode.RpcFrameworkError, "Error details is not a JSON object");
                }

                frame = RpcFrame.Error(type, messageId, code, description, details);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return Finish(ref reader, ref state, frame);
                }

                break;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            return Bad(ref state, RpcErrorCode.RpcFrameworkError, "Frame has too many elements");
        }

        return Finish(ref reader, ref state, frame);
    }

    private static RpcReadResult Finish(ref Utf8JsonReader reader, ref Salvage state, RpcFrame frame)
    {
        // Anything but whitespace after the closing bracket makes the reader throw (single JSON value).
        if (reader.Read())
        {
            return Bad(ref state, "Frame has content after the array");
        }

        return RpcReadResult.Ok(frame);
    }

    private static RpcReadResult Bad(ref Salvage state, string description) =>
        Bad(ref state, state.MessageId is null ? RpcErrorCode.RpcFrameworkError : RpcErrorCode.FormatViolation, description);

    private static RpcReadResult Bad(ref Salvage state, RpcErrorCode code, string description) =>
        RpcReadResult.Bad(code, description, state.TypeNumber, state.MessageId, state.Action);

    private struct Salvage
    {
        public int? TypeNumber;
        public string? MessageId;
        public string? Action;
    }
}
