namespace ChargerController.Control.Client;

/// <summary>
/// Where the control socket lives when nobody names it. The installed service gets <c>/run/chargercontroller</c> from
/// systemd (<c>RuntimeDirectory=</c>); a developer running <c>chargerd --simulate</c> as an ordinary user cannot write
/// there, so both ends fall back to a per-user path. chargerd and chargerctl use this one rule so they always meet.
/// </summary>
public static class ControlSocketPath
{
    /// <summary>The service's socket (systemd RuntimeDirectory).</summary>
    public const string ServiceDefault = "/run/chargercontroller/control.sock";

    /// <summary>The per-user fallback: <c>$XDG_RUNTIME_DIR/chargercontroller/control.sock</c>, else <c>/tmp/chargercontroller-$USER/control.sock</c>.</summary>
    /// <param name="environment">Reads an environment variable (injected for tests).</param>
    /// <returns>The path.</returns>
    public static string UserFallback(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var runtime = environment("XDG_RUNTIME_DIR");
        if (!string.IsNullOrEmpty(runtime) && Path.IsPathRooted(runtime))
        {
            return Path.Combine(runtime, "chargercontroller", "control.sock");
        }

        var user = environment("USER");
        if (string.IsNullOrEmpty(user))
        {
            user = Environment.UserName;
        }

        return Path.Combine(Path.GetTempPath(), "chargercontroller-" + user, "control.sock");
    }

    /// <summary>
    /// The path chargerd listens on when not configured: the service path when its directory exists and is writable,
    /// otherwise <see cref="UserFallback"/>.
    /// </summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The path.</returns>
    public static string ForServer(Func<string, string?> environment) =>
        IsWritableDirectory(Path.GetDirectoryName(ServiceDefault)!) ? ServiceDefault : UserFallback(environment);

    /// <summary>
    /// The path chargerctl connects to when <c>--socket</c> is not given: the service socket if it exists, else the
    /// per-user socket if it exists, else the service path (so the error message names the usual place).
    /// </summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The path.</returns>
    public static string ForClient(Func<string, string?> environment)
    {
        if (File.Exists(ServiceDefault))
        {
            return ServiceDefault;
        }

        var fallback = UserFallback(environment);
        return File.Exists(fallback) ? fallback : ServiceDefault;
    }

    private static bool IsWritableDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return false;
        }

        try
        {
            var probe = Path.Combine(directory, ".write-probe-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
