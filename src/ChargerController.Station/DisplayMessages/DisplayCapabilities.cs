using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DisplayMessages;

/// <summary>What this station's display supports, as read from <c>DisplayMessageCtrlr</c> at the moment of a request.</summary>
/// <param name="Enabled">DisplayMessageCtrlr.Enabled.</param>
/// <param name="Capacity">DisplayMessageCtrlr.DisplayMessages maxLimit (O01.FR.11).</param>
/// <param name="Formats">DisplayMessageCtrlr.SupportedFormats.</param>
/// <param name="Priorities">DisplayMessageCtrlr.SupportedPriorities.</param>
/// <param name="States">DisplayMessageCtrlr.SupportedStates.</param>
/// <param name="Languages">The valuesList of DisplayMessageCtrlr.Language, or null when the variable is absent (O01.FR.19).</param>
/// <param name="DefaultLanguage">The value of DisplayMessageCtrlr.Language.</param>
public sealed record DisplayCapabilities(
    bool Enabled,
    int Capacity,
    IReadOnlySet<MessageFormatEnumType> Formats,
    IReadOnlySet<MessagePriorityEnumType> Priorities,
    IReadOnlySet<MessageStateEnumType> States,
    IReadOnlyList<string>? Languages,
    string? DefaultLanguage)
{
    /// <summary>Gets whether an RFC 5646 tag is supported: listed as is, or its primary language subtag is listed (<c>en-US</c> with <c>en</c>).</summary>
    /// <param name="language">The tag.</param>
    /// <returns>True when supported.</returns>
    public bool SupportsLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Languages is { } list && list.Any(l => LanguageTags.Matches(language, l));
    }
}
