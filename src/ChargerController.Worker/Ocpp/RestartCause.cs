using ChargerController.Ocpp.Enums;

namespace ChargerController.Worker.Ocpp;

/// <summary>
/// Why chargerd's previous run ended without closing its transactions, for the stoppedReason of the transactions found
/// open at start-up (E17.FR.21/22): when the machine has booted since the last run (Linux's boot id changed) the power
/// went — <c>PowerLoss</c>; when only the process started again on the same boot it was the station's own fault (a
/// crash, the systemd watchdog, an OOM kill) — <c>Reboot</c>. The boot id of each run is kept in the state directory.
/// Without a boot id (not Linux) or without a record of the last run it stays <c>PowerLoss</c>.
/// </summary>
internal static class RestartCause
{
    public const string FileName = "last-boot-id";
    public const string LinuxBootIdPath = "/proc/sys/kernel/random/boot_id";

    /// <summary>Classifies this start and records its boot id for the next one.</summary>
    /// <param name="stateDir">The state directory.</param>
    /// <param name="readBootId">The current boot id, null when unknown.</param>
    /// <returns>The stoppedReason for transactions left open by the previous run.</returns>
    public static ReasonEnumType Classify(string stateDir, Func<string?> readBootId)
    {
        var current = readBootId()?.Trim();
        if (string.IsNullOrEmpty(current))
        {
            return ReasonEnumType.PowerLoss;
        }

        var file = Path.Combine(stateDir, FileName);
        try
        {
            var previous = File.Exists(file) ? File.ReadAllText(file).Trim() : null;
            Directory.CreateDirectory(stateDir);
            var temporary = file + ".tmp";
            File.WriteAllText(temporary, current);
            File.Move(temporary, file, overwrite: true);
            return previous == current ? ReasonEnumType.Reboot : ReasonEnumType.PowerLoss;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReasonEnumType.PowerLoss;
        }
    }

    /// <summary>Linux's id of the current boot, null elsewhere.</summary>
    /// <returns>The boot id or null.</returns>
    public static string? ReadLinuxBootId()
    {
        try
        {
            return File.Exists(LinuxBootIdPath) ? File.ReadAllText(LinuxBootIdPath) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
