using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// The SetDisplayMessage checks (O01/O02), in a fixed order so the answer is predictable: Enabled, priority (O01.FR.01),
/// state (O01.FR.02), format (O01.FR.03: NotSupportedMessageFormat when none of the given formats is shown here),
/// languages (O01.FR.18/19), display (errata O01.FR.22), transaction (O02.FR.01). Capacity (O01.FR.11) is checked by the
/// book, which knows what the request replaces.
/// </summary>
public static class SetDisplayMessageRules
{
    /// <summary>The display component a message may name (the station has one display).</summary>
    public const string DisplayComponent = "Display";

    /// <summary>Checks a message; Accepted means it may be stored.</summary>
    /// <param name="message">The message.</param>
    /// <param name="capabilities">What the display supports.</param>
    /// <param name="activeTransactionIds">The transactions running now.</param>
    /// <returns>The status and, when not Accepted, a reason for statusInfo.</returns>
    public static (DisplayMessageStatusEnumType Status, string? Reason) Check(MessageInfoType message, DisplayCapabilities capabilities, IReadOnlySet<string> activeTransactionIds)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(activeTransactionIds);
        if (!capabilities.Enabled)
        {
            return (DisplayMessageStatusEnumType.Rejected, "DisplayMessageCtrlr.Enabled is false");
        }

        if (!capabilities.Priorities.Contains(message.Priority))
        {
            return (DisplayMessageStatusEnumType.NotSupportedPriority, null);
        }

        if (message.State is { } state && !capabilities.States.Contains(state))
        {
            return (DisplayMessageStatusEnumType.NotSupportedState, null);
        }

        var contents = Contents(message);
        if (!contents.Any(c => capabilities.Formats.Contains(c.Format)))
        {
            return (DisplayMessageStatusEnumType.NotSupportedMessageFormat, null);
        }

        if (capabilities.Languages is null)
        {
            if (message.MessageExtra is { Length: > 0 })
            {
                return (DisplayMessageStatusEnumType.Rejected, "messageExtra needs DisplayMessageCtrlr.Language");
            }
        }
        else if (contents.Any(c => c.Language is { } language && !capabilities.SupportsLanguage(language)))
        {
            return (DisplayMessageStatusEnumType.LanguageNotSupported, null);
        }

        if (message.Display is { } display && !string.Equals(display.Name, DisplayComponent, StringComparison.Ordinal))
        {
            return (DisplayMessageStatusEnumType.Rejected, "Unknown display " + display.Name);
        }

        if (message.TransactionId is { } transactionId && !activeTransactionIds.Contains(transactionId))
        {
            return (DisplayMessageStatusEnumType.UnknownTransaction, null);
        }

        return (DisplayMessageStatusEnumType.Accepted, null);
    }

    /// <summary>The message and its extra languages/formats, main first.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The contents.</returns>
    public static IReadOnlyList<MessageContentType> Contents(MessageInfoType message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.MessageExtra is { Length: > 0 } extra ? [message.Message, .. extra] : [message.Message];
    }
}
