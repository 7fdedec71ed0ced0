using System.Buffers;
using System.Text.Json;

namespace ChargerController.Ocpp.Rpc;

/// <summary>
/// Writes OCPP-J frames (Part 4 §4.2) compactly with a <see cref="Utf8JsonWriter"/>. Payloads are passed as
/// ready UTF-8 JSON and embedded as raw values, so the Rpc layer needs no message types.
/// </summary>
public static class RpcFrameWriter
{
    /// <summary>Maximum errorDescription length (Part 4 §4.2.3, Table 7: string[255]).</summary>
    public const int MaxErrorDescriptionLength = 255;

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>Writes <c>[2, id, action, payload]</c> or <c>[6, id, action, payload]</c>.</summary>
    /// <param name="output">Destination.</param>
    /// <param name="messageType"><see cref="RpcMessageType.Call"/> or <see cref="RpcMessageType.Send"/>.</param>
    /// <param name="messageId">Message id, 1–36 characters.</param>
    /// <param name="action">Action name without the Request suffix.</param>
    /// <param name="payloadJson">The payload object as UTF-8 JSON; validated to be one JSON value.</param>
    /// <exception cref="ArgumentException">The type is not CALL/SEND, the id is out of range, or the payload is not valid JSON.</exception>
    public static void WriteRequest(IBufferWriter<byte> output, RpcMessageType messageType, string messageId, string action, ReadOnlySpan<byte> payloadJson)
    {
        if (messageType is not (RpcMessageType.Call or RpcMessageType.Send))
        {
            throw new ArgumentException("Only CALL and SEND carry an action.", nameof(messageType));
        }

        CheckId(messageId);
        ArgumentException.ThrowIfNullOrEmpty(action);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)messageType);
        writer.WriteStringValue(messageId);
        writer.WriteStringValue(action);
        WriteRaw(writer, payloadJson);
        writer.WriteEndArray();
    }

    /// <summary>Writes <c>[3, id, payload]</c>.</summary>
    /// <param name="output">Destination.</param>
    /// <param name="messageId">The id of the CALL being answered.</param>
    /// <param name="payloadJson">The payload object as UTF-8 JSON.</param>
    /// <exception cref="ArgumentException">The payload is not valid JSON.</exception>
    public static void WriteCallResult(IBufferWriter<byte> output, string messageId, ReadOnlySpan<byte> payloadJson)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)RpcMessageType.CallResult);
        writer.WriteStringValue(messageId);
        WriteRaw(writer, payloadJson);
        writer.WriteEndArray();
    }

    /// <summary>Writes <c>[4|5, id, errorCode, errorDescription, errorDetails]</c>.</summary>
    /// <param name="output">Destination.</param>
    /// <param name="messageType"><see cref="RpcMessageType.CallError"/> or <see cref="RpcMessageType.CallResultError"/>.</param>
    /// <param name="messageId">The id being answered, or "-1" when it could not be read.</param>
    /// <param name="errorCode">The error code.</param>
    /// <param name="errorDescription">Description; truncated to 255 characters.</param>
    /// <param name="errorDetailsJson">Details object as UTF-8 JSON; empty means <c>{}</c>.</param>
    /// <exception cref="ArgumentException">The type is not an error type or the details are not valid JSON.</exception>
    public static void WriteError(IBufferWriter<byte> output, RpcMessageType messageType, string messageId, RpcErrorCode errorCode, string errorDescription, ReadOnlySpan<byte> errorDetailsJson = default)
    {
        if (messageType is not (RpcMessageType.CallError or RpcMessageType.CallResultError))
        {
            throw new ArgumentException("Only CALLERROR and CALLRESULTERROR carry an error.", nameof(messageType));
        }

        ArgumentNullException.ThrowIfNull(messageId);
        errorDescription ??= string.Empty;
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)messageType);
        writer.WriteStringValue(messageId);
        writer.WriteStringValue(ErrorCodeText(errorCode));
        writer.WriteStringValue(errorDescription.Length > MaxErrorDescriptionLength ? errorDescription[..MaxErrorDescriptionLength] : errorDescription);
        WriteRaw(writer, errorDetailsJson.IsEmpty ? EmptyObject : errorDetailsJson);
        writer.WriteEndArray();
    }

    /// <summary>The wire string of an error code (the enum member names are the wire strings).</summary>
    /// <param name="code">The code.</param>
    /// <returns>The wire string, e.g. <c>NotImplemented</c>.</returns>
    public static string ErrorCodeText(RpcErrorCode code) => code switch
    {
        RpcErrorCode.FormatViolation => nameof(RpcErrorCode.FormatViolation),
        RpcErrorCode.GenericError => nameof(RpcErrorCode.GenericError),
        RpcErrorCode.InternalError => nameof(RpcErrorCode.InternalError),
        RpcErrorCode.MessageTypeNotSupported => nameof(RpcErrorCode.MessageTypeNotSupported),
        RpcErrorCode.NotImplemented => nameof(RpcErrorCode.NotImplemented),
        RpcErrorCode.NotSupported => nameof(RpcErrorCode.NotSupported),
        RpcErrorCode.OccurrenceConstraintViolation => nameof(RpcErrorCode.OccurrenceConstraintViolation),
        RpcErrorCode.PropertyConstraintViolation => nameof(RpcErrorCode.PropertyConstraintViolation),
        RpcErrorCode.ProtocolError => nameof(RpcErrorCode.ProtocolError),
        RpcErrorCode.RpcFrameworkError => nameof(RpcErrorCode.RpcFrameworkError),
        RpcErrorCode.SecurityError => nameof(RpcErrorCode.SecurityError),
        RpcErrorCode.TypeConstraintViolation => nameof(RpcErrorCode.TypeConstraintViolation),
        _ => nameof(RpcErrorCode.GenericError),
    };

    private static void CheckId(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        if (messageId.Length is 0 or > RpcFrameReader.MaxMessageIdLength)
        {
            throw new ArgumentException("A message id has 1 to 36 characters (Part 4 §4.1.4).", nameof(messageId));
        }
    }

    private static void WriteRaw(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        try
        {
            writer.WriteRawValue(json.IsEmpty ? EmptyObject : json, skipInputValidation: false);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The payload is not one valid JSON value.", nameof(json), ex);
        }
    }
}
