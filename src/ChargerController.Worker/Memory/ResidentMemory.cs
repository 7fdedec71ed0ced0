using System.Globalization;

namespace ChargerController.Worker.Memory;

/// <summary>The resident-memory lines of <c>/proc/PID/status</c>, in KiB: <c>VmRSS = RssAnon + RssFile + RssShmem</c>.</summary>
internal readonly record struct ResidentMemory(long VmRssKib, long RssAnonKib, long RssFileKib)
{
    /// <summary>Parses the text of a <c>/proc/PID/status</c> file; missing lines read as 0.</summary>
    public static ResidentMemory Parse(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        long rss = 0, anon = 0, file = 0;
        foreach (var line in status.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kib(line);
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                file = Kib(line);
            }
        }

        return new ResidentMemory(rss, anon, file);
    }

    private static long Kib(ReadOnlySpan<char> line)
    {
        var value = line[(line.IndexOf(':') + 1)..].Trim();
        var unit = value.IndexOf(' ');
        return long.TryParse(unit < 0 ? value : value[..unit], NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib : 0;
    }
}
