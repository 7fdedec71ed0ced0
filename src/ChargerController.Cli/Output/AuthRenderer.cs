using System.Globalization;
using System.Text;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Output;

/// <summary>Text output of <c>chargerctl auth list</c>.</summary>
public static class AuthRenderer
{
    /// <summary>One line per entry.</summary>
    /// <param name="list">The list.</param>
    /// <returns>The text.</returns>
    public static string Format(AuthList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"local authorization list version {list.Version}, {list.Entries.Count} entr{(list.Entries.Count == 1 ? "y" : "ies")}");
        text.AppendLine("ID TOKEN                  TYPE              STATUS        EXPIRES");
        foreach (var e in list.Entries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{e.IdToken,-25} {e.Type,-17} {e.Status,-13} {(e.ExpiresAt is { } x ? x.ToString("u", CultureInfo.InvariantCulture) : "-")}");
        }

        return text.ToString();
    }
}
