using System.Text;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Output;

/// <summary>Text output of <c>chargerctl config</c>.</summary>
public static class ConfigRenderer
{
    /// <summary>One line per value: key, value, mutability, type and constraints.</summary>
    /// <param name="list">The list.</param>
    /// <returns>The text.</returns>
    public static string Format(ConfigList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var width = list.Variables.Count == 0 ? 3 : Math.Min(60, list.Variables.Max(v => v.Key.Length));
        var text = new StringBuilder();
        text.Append("KEY".PadRight(width)).Append("  VALUE").AppendLine();
        foreach (var v in list.Variables)
        {
            text.Append(v.Key.PadRight(width)).Append("  ").Append(Value(v)).Append(Details(v)).AppendLine();
        }

        return text.ToString();
    }

    /// <summary>One value in detail.</summary>
    /// <param name="variable">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(ConfigVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return $"{variable.Key} = {Value(variable)}{Details(variable)}{Environment.NewLine}";
    }

    private static string Value(ConfigVariable v) => v.Value ?? (v.Mutability == "WriteOnly" ? "(write-only)" : "(unset)");

    private static string Details(ConfigVariable v)
    {
        var parts = new List<string> { v.Mutability, v.DataType };
        if (v.Unit is not null)
        {
            parts.Add(v.Unit);
        }

        if (v.Allowed is not null)
        {
            parts.Add("allowed " + v.Allowed);
        }

        if (v.RebootRequired && v.DataType != "local")
        {
            parts.Add("restart needed");
        }

        return "  [" + string.Join(", ", parts) + "]";
    }
}
