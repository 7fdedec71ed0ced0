using System.Globalization;
using System.Text;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>
/// Logs kept as text files, one entry per line starting with an RFC 3339 timestamp (the format
/// <see cref="SecurityEventLogFile"/> writes). The time window keeps the lines whose timestamp lies inside it; lines
/// without a timestamp (continuations, stack traces) follow the line before them.
/// </summary>
public sealed class FileLogSource : ILogSource
{
    private readonly IReadOnlyDictionary<LogEnumType, string> _files;
    private readonly int _maxBytes;

    /// <summary>Initializes a new instance of the <see cref="FileLogSource"/> class.</summary>
    /// <param name="files">The file of each log type it serves.</param>
    /// <param name="maxBytes">Upper bound of an assembled log; the newest entries are kept.</param>
    public FileLogSource(IReadOnlyDictionary<LogEnumType, string> files, int maxBytes = 16 * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        _files = files;
        _maxBytes = maxBytes;
    }

    /// <inheritdoc/>
    public bool Supports(LogEnumType logType) => _files.ContainsKey(logType);

    /// <inheritdoc/>
    public async Task<LogFile> CollectAsync(LogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_files.TryGetValue(query.LogType, out var path))
        {
            throw new IOException($"no {query.LogType} file");
        }

        if (!File.Exists(path))
        {
            // Nothing logged yet is an empty log, not a failure.
            return new LogFile(ReadOnlyMemory<byte>.Empty);
        }

        var kept = new List<string>();
        var keep = query.OldestTimestamp is null && query.LatestTimestamp is null;
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (Timestamp(line) is { } at)
                {
                    keep = query.Contains(at);
                }
                else if (query.OldestTimestamp is null && query.LatestTimestamp is null)
                {
                    keep = true;
                }

                if (keep)
                {
                    kept.Add(line);
                }
            }
        }

        var total = 0;
        var start = kept.Count;
        while (start > 0 && total + Encoding.UTF8.GetByteCount(kept[start - 1]) + 1 <= _maxBytes)
        {
            start--;
            total += Encoding.UTF8.GetByteCount(kept[start]) + 1;
        }

        var text = new StringBuilder(total);
        foreach (var line in kept.Skip(start))
        {
            text.Append(line).Append('\n');
        }

        return new LogFile(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>Reads the RFC 3339 timestamp a line starts with.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The time, or null when the line does not start with one.</returns>
    public static DateTimeOffset? Timestamp(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var end = line.IndexOf(' ', StringComparison.Ordinal);
        var token = end < 0 ? line : line[..end];
        return token.Length >= 20 && DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }
}
