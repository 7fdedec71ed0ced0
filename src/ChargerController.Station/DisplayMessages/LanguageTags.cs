namespace ChargerController.Station.DisplayMessages;

/// <summary>RFC 5646 language tag comparison as the display needs it (O01.FR.17): case-insensitive, by primary subtag.</summary>
public static class LanguageTags
{
    /// <summary>Gets whether <paramref name="tag"/> is covered by <paramref name="supported"/>: equal, or <paramref name="supported"/> is its primary subtag.</summary>
    /// <param name="tag">The tag of a message, e.g. <c>en-US</c>.</param>
    /// <param name="supported">A supported tag, e.g. <c>en</c> or <c>en-US</c>.</param>
    /// <returns>True when covered.</returns>
    public static bool Matches(string tag, string supported)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(supported);
        return string.Equals(tag, supported, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Primary(tag), supported, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Gets whether two tags name the same language (same primary subtag): a driver preferring <c>de</c> reads <c>de-CH</c>.</summary>
    /// <param name="a">A tag.</param>
    /// <param name="b">Another tag.</param>
    /// <returns>True when the primary subtags are equal.</returns>
    public static bool SameLanguage(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(Primary(a), Primary(b), StringComparison.OrdinalIgnoreCase);
    }

    private static string Primary(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? tag : tag[..dash];
    }
}
