using System.Text.Json;

namespace ChargerController.Ocpp.Queue;

/// <summary>
/// Reads the few payload fields the queue's retention rules need, so a caller cannot mislabel billing data:
/// the queue classifies every message itself at enqueue time.
/// </summary>
public static class OutboundMessageClassifier
{
    /// <summary>Classifies a message.</summary>
    /// <param name="action">The action.</param>
    /// <param name="payloadJson">The payload as UTF-8 JSON.</param>
    /// <returns>The classification; unreadable payloads are treated as protected (never dropped).</returns>
    public static OutboundMessageClassification Classify(string action, ReadOnlySpan<byte> payloadJson)
    {
        if (action == "SecurityEventNotification")
        {
            return new OutboundMessageClassification(OutboundMessageKind.SecurityEvent, null, false);
        }

        if (action != "TransactionEvent")
        {
            return OutboundMessageClassification.Protected;
        }

        try
        {
            return ClassifyTransactionEvent(payloadJson);
        }
        catch (JsonException)
        {
            // A payload we cannot read is kept, never guessed droppable.
            return new OutboundMessageClassification(OutboundMessageKind.TransactionUpdated, null, false);
        }
    }

    private static OutboundMessageClassification ClassifyTransactionEvent(ReadOnlySpan<byte> payloadJson)
    {
        var reader = new Utf8JsonReader(payloadJson);
        string? eventType = null;
        string? triggerReason = null;
        string? transactionId = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new OutboundMessageClassification(OutboundMessageKind.TransactionUpdated, null, false);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eventType"u8))
            {
                eventType = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("triggerReason"u8))
            {
                triggerReason = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("transactionInfo"u8))
            {
                transactionId = ReadTransactionId(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var kind = eventType switch
        {
            "Started" => OutboundMessageKind.TransactionStarted,
            "Ended" => OutboundMessageKind.TransactionEnded,
            _ => OutboundMessageKind.TransactionUpdated,
        };

        // J02.FR.12 (2.1): only periodic/clock-aligned meter-value Updated events may be dropped offline on low memory.
        // E12.FR.04 would allow more, but any other Updated (charging state, authorization, limits) can change
        // what the CSMS bills, so those are kept.
        var droppable = eventType == "Updated" && triggerReason is "MeterValuePeriodic" or "MeterValueClock";
        return new OutboundMessageClassification(kind, transactionId, droppable);
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static string? ReadTransactionId(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("transactionId"u8))
            {
                id = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return id;
    }
}
