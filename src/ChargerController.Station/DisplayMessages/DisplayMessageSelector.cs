using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// Picks the one message a display shows at an instant. Only messages that are due count: past their startDateTime
/// (O01.FR.06), before their endDateTime (O01.FR.07), in the station's current state, and, when bound to a transaction,
/// while it runs. An AlwaysFront message wins outright (O01.FR.15); else the InFront messages take turns
/// (O01.FR.13/14); else the NormalCycle messages take turns (O01.FR.12). Turns last <c>cycle</c> and are derived from
/// the clock, so the choice is a pure function of the time and the messages.
/// </summary>
public static class DisplayMessageSelector
{
    /// <summary>The fall-back language when the driver's is not available (O01.FR.09).</summary>
    public const string English = "en";

    /// <summary>Selects the message to show now.</summary>
    /// <param name="messages">The configured messages.</param>
    /// <param name="now">Now.</param>
    /// <param name="state">The station state.</param>
    /// <param name="capabilities">What the display supports (formats, default language).</param>
    /// <param name="preferredLanguages">The EV driver's languages, most preferred first (O01.FR.08), empty when unknown.</param>
    /// <param name="cycle">How long one turn of a cycle lasts.</param>
    /// <returns>The message or null when none is due.</returns>
    public static DisplayedMessage? Select(
        IReadOnlyList<MessageInfoType> messages,
        DateTimeOffset now,
        DisplayState state,
        DisplayCapabilities capabilities,
        IReadOnlyList<string> preferredLanguages,
        TimeSpan cycle)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(preferredLanguages);
        var due = messages.Where(m => IsDue(m, now, state) && PickContent(m, capabilities, preferredLanguages) is not null).OrderBy(m => m.Id).ToList();
        var chosen = due.FirstOrDefault(m => m.Priority == MessagePriorityEnumType.AlwaysFront)
            ?? Turn(due.Where(m => m.Priority == MessagePriorityEnumType.InFront).ToList(), now, cycle)
            ?? Turn(due.Where(m => m.Priority == MessagePriorityEnumType.NormalCycle).ToList(), now, cycle);
        if (chosen is null)
        {
            return null;
        }

        var content = PickContent(chosen, capabilities, preferredLanguages)!;
        return new DisplayedMessage(chosen.Id, chosen.Priority, content.Format, content.Language, content.Content, chosen.TransactionId);
    }

    /// <summary>Gets whether a message may be shown now (time window, state, transaction).</summary>
    /// <param name="message">The message.</param>
    /// <param name="now">Now.</param>
    /// <param name="state">The station state.</param>
    /// <returns>True when due.</returns>
    public static bool IsDue(MessageInfoType message, DateTimeOffset now, DisplayState state)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(state);
        return (message.StartDateTime is not { } start || start <= now)
            && (message.EndDateTime is not { } end || now < end)
            && (message.State is not { } wanted || wanted == state.State)
            && (message.TransactionId is not { } tx || state.ActiveTransactionIds.Contains(tx));
    }

    /// <summary>
    /// Chooses the content in a format this display shows: the driver's languages in order, then English (O01.FR.09) and
    /// the station's default language (without a driver preference the default language comes first), else the first.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="capabilities">Supported formats and default language.</param>
    /// <param name="preferredLanguages">The driver's languages.</param>
    /// <returns>The content or null when no format is supported.</returns>
    public static MessageContentType? PickContent(MessageInfoType message, DisplayCapabilities capabilities, IReadOnlyList<string> preferredLanguages)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(preferredLanguages);
        var candidates = SetDisplayMessageRules.Contents(message).Where(c => capabilities.Formats.Contains(c.Format)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        IEnumerable<string?> order = preferredLanguages.Count > 0
            ? [.. preferredLanguages, English, capabilities.DefaultLanguage]
            : [capabilities.DefaultLanguage, English];
        foreach (var language in order.OfType<string>())
        {
            if (candidates.FirstOrDefault(c => c.Language is { } l && LanguageTags.SameLanguage(l, language)) is { } match)
            {
                return match;
            }
        }

        return candidates[0];
    }

    private static MessageInfoType? Turn(List<MessageInfoType> cycle, DateTimeOffset now, TimeSpan turn)
    {
        if (cycle.Count == 0)
        {
            return null;
        }

        var slot = now.ToUnixTimeMilliseconds() / Math.Max(1L, (long)turn.TotalMilliseconds);
        return cycle[(int)(slot % cycle.Count)];
    }
}
