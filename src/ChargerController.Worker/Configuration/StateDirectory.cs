namespace ChargerController.Worker.Configuration;

/// <summary>
/// Where the database lives. The service default (<c>/var/lib/chargercontroller</c>, created by systemd's
/// <c>StateDirectory=</c>) is not writable for an ordinary user trying <c>chargerd --simulate</c>: then, and only for
/// the default with <c>--simulate</c>, the state goes to <c>$XDG_STATE_HOME/chargercontroller</c>
/// (<c>~/.local/state/chargercontroller</c>), so the README's first command works without root. A directory the
/// user named is never replaced: if it is unusable chargerd says so and stops.
/// </summary>
internal static class StateDirectory
{
    public const string ServiceDefault = "/var/lib/chargercontroller";

    /// <summary>Returns a usable directory (created if needed), or null with <paramref name="error"/> set.</summary>
    public static string? Resolve(ChargerdOptions options, Func<string, string?> environment, out string? error)
    {
        if (TryUse(options.StateDir, out error))
        {
            return options.StateDir;
        }

        if (!options.Simulate || options.StateDir != ServiceDefault)
        {
            error = $"Chargerd:StateDir '{options.StateDir}' is not usable ({error}); create it for the service user or pass --state-dir DIR.";
            return null;
        }

        var stateHome = environment("XDG_STATE_HOME");
        var home = environment("HOME");
        var fallback = !string.IsNullOrEmpty(stateHome) && Path.IsPathRooted(stateHome) ? Path.Combine(stateHome, "chargercontroller")
            : !string.IsNullOrEmpty(home) && Path.IsPathRooted(home) ? Path.Combine(home, ".local", "state", "chargercontroller")
            : Path.Combine(Path.GetTempPath(), "chargercontroller-" + Environment.UserName);
        if (TryUse(fallback, out var fallbackError))
        {
            return fallback;
        }

        error = $"neither {options.StateDir} ({error}) nor {fallback} ({fallbackError}) is usable for the station database; pass --state-dir DIR.";
        return null;
    }

    private static bool TryUse(string directory, out string? error)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, ".write-probe-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            error = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return false;
        }
    }
}
