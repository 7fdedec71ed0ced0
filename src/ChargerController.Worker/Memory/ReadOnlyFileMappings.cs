using System.Globalization;

namespace ChargerController.Worker.Memory;

/// <summary>
/// Picks, from <c>/proc/self/smaps</c>, the mappings of one file that the kernel can drop from this process and
/// re-read from the file on the next touch: private, not writable, and with no page written or copied
/// (<c>Private_Dirty</c> and <c>Anonymous</c> both 0). That excludes <c>.data</c>, <c>.bss</c>, the dynamic
/// loader's relocated RELRO pages (read-only after relocation, but dirty) and every anonymous mapping.
/// </summary>
internal static class ReadOnlyFileMappings
{
    /// <summary>The droppable mappings of <paramref name="path"/> in <paramref name="smaps"/> (the text of an smaps file).</summary>
    public static IReadOnlyList<FileMapping> Select(string smaps, string path)
    {
        ArgumentNullException.ThrowIfNull(smaps);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var selected = new List<FileMapping>();
        FileMapping? current = null;
        var clean = false;
        foreach (var line in smaps.AsSpan().EnumerateLines())
        {
            if (TryParseHeader(line, path, out var mapping, out var isCandidate))
            {
                Flush();
                current = isCandidate ? mapping : null;
                clean = isCandidate;
                continue;
            }

            if (current is not null && (IsNonZero(line, "Private_Dirty:") || IsNonZero(line, "Anonymous:")))
            {
                clean = false;
            }
        }

        Flush();
        return selected;

        void Flush()
        {
            if (current is { } done && clean)
            {
                selected.Add(done);
            }

            current = null;
        }
    }

    // Header: "55a2562dc000-55a256a9c000 r--p 00000000 fe:00 12181583    /opt/chargercontroller/current/chargerd".
    private static bool TryParseHeader(ReadOnlySpan<char> line, string path, out FileMapping mapping, out bool isCandidate)
    {
        mapping = default;
        isCandidate = false;
        var dash = line.IndexOf('-');
        var space = line.IndexOf(' ');
        if (dash <= 0 || space <= dash
            || !ulong.TryParse(line[..dash], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(line[(dash + 1)..space], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            || end <= start)
        {
            return false;
        }

        var perms = line[(space + 1)..];
        mapping = new FileMapping(start, end - start);
        isCandidate = perms.Length > 4
            && perms[1] == '-' && perms[3] == 'p'
            && line.TrimEnd().EndsWith(" " + path, StringComparison.Ordinal);
        return true;
    }

    private static bool IsNonZero(ReadOnlySpan<char> line, string field)
    {
        if (!line.StartsWith(field, StringComparison.Ordinal))
        {
            return false;
        }

        var value = line[field.Length..].Trim();
        var unit = value.IndexOf(' ');
        return !long.TryParse(unit < 0 ? value : value[..unit], NumberStyles.None, CultureInfo.InvariantCulture, out var kib) || kib != 0;
    }
}
