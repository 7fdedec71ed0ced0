using System.Text.Json;

namespace ChargerController.Hardware.Board;

/// <summary>Loads and validates board profiles.</summary>
public static class BoardProfile
{
    /// <summary>Reads, parses and validates a profile file.</summary>
    /// <param name="path">Path of the JSON file.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="BoardProfileException">Missing file, malformed JSON or invalid content (all problems listed).</exception>
    public static HardwareOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BoardProfileException(path, [$"cannot read the file: {ex.Message}"], ex);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and validates profile JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Name used in messages.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="BoardProfileException">Malformed JSON or invalid content.</exception>
    public static HardwareOptions Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        HardwareOptions? options;
        try
        {
            options = JsonSerializer.Deserialize(json, BoardProfileJsonContext.Default.HardwareOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            var path = string.IsNullOrEmpty(ex.Path) ? string.Empty : $" ({ex.Path})";
            throw new BoardProfileException(source, [$"not valid board JSON{where}{path}: {ex.Message}"], ex);
        }

        if (options is null)
        {
            throw new BoardProfileException(source, ["the file contains null instead of a profile object"]);
        }

        var errors = HardwareOptionsValidator.Validate(options);
        return errors.Count == 0 ? options : throw new BoardProfileException(source, errors);
    }

    /// <summary>Serialises options back to profile JSON (for <c>chargerctl</c> and tests).</summary>
    /// <param name="options">The options.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(HardwareOptions options) =>
        JsonSerializer.Serialize(options, BoardProfileJsonContext.Default.HardwareOptions);
}
