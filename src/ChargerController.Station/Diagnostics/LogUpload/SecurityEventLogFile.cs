using System.Globalization;
using System.Text;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>
/// The station's security log (N01.FR.03): every security event raised (A04) is appended to a text file, one line each,
/// "timestamp type techInfo", so it survives restarts and <see cref="FileLogSource"/> can serve it for GetLog SecurityLog.
/// </summary>
public sealed class SecurityEventLogFile
{
    private readonly string _path;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="SecurityEventLogFile"/> class.</summary>
    /// <param name="path">The file (created with its folder on first write).</param>
    public SecurityEventLogFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
    }

    /// <summary>Gets the file path.</summary>
    public string Path => _path;

    /// <summary>Appends one security event.</summary>
    /// <param name="timestamp">When it happened (the event's own timestamp, from the station clock).</param>
    /// <param name="type">The event type.</param>
    /// <param name="techInfo">Its technical detail.</param>
    /// <exception cref="IOException">The file could not be written.</exception>
    public void Append(DateTimeOffset timestamp, string type, string? techInfo)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var stamp = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        // One entry per line: line breaks inside techInfo would forge entries.
        var detail = (techInfo ?? string.Empty).Replace('\n', ' ').Replace('\r', ' ');
        var bytes = Utf8NoBom.GetBytes($"{stamp} {type} {detail}\n");
        lock (_gate)
        {
            if (System.IO.Path.GetDirectoryName(_path) is { Length: > 0 } folder && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            // Owner-only, like the keys: the log tells an attacker which checks failed (Part 2 A04 security log).
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
            using var stream = new FileStream(_path, options);
            stream.Write(bytes);
        }
    }
}
