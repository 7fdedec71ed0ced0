namespace ChargerController.Hardware.Board;

/// <summary>A board profile that cannot be used; <see cref="Errors"/> lists every problem found, each naming the key.</summary>
public sealed class BoardProfileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">File or name of the profile.</param>
    /// <param name="errors">The problems.</param>
    /// <param name="innerException">The parser error, if any.</param>
    public BoardProfileException(string source, IReadOnlyList<string> errors, Exception? innerException = null)
        : base($"Board profile '{source}' is invalid:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", errors)}", innerException)
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>File or name of the profile.</summary>
    public new string Source { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Errors { get; }
}
