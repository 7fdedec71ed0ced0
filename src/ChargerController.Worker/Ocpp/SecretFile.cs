namespace ChargerController.Worker.Ocpp;

/// <summary>
/// Reads a secret (the Basic-auth password) from a file that only the service user may read. A group- or
/// world-readable secret is refused rather than used: on a charger in a public car park anyone with a shell account
/// could otherwise impersonate the station towards the CSMS (A00.FR.2xx: the password identifies the station).
/// </summary>
internal static class SecretFile
{
    private const UnixFileMode ForbiddenBits =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Reads the first line of <paramref name="path"/>; <see langword="null"/> with <paramref name="error"/> set when unusable.</summary>
    public static string? TryRead(string path, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = $"secret file '{path}' not found (create it with the Basic-auth password, mode 0600, owned by the service user)";
            return null;
        }

        try
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ForbiddenBits) != 0)
            {
                error = $"secret file '{path}' is readable by others: run 'chmod 600 {path}' (owned by the service user)";
                return null;
            }

            using var reader = new StreamReader(path);
            var line = reader.ReadLine()?.Trim();
            if (string.IsNullOrEmpty(line))
            {
                error = $"secret file '{path}' is empty";
                return null;
            }

            return line;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read secret file '{path}': {ex.Message}";
            return null;
        }
    }
}
