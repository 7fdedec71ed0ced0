using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ChargerController.Worker.Logging;

/// <summary>
/// Console logging that fits where chargerd runs. Under systemd (<c>JOURNAL_STREAM</c> set: stdout/stderr are connected
/// to the journal) every line starts with the syslog priority <c>&lt;N&gt;</c>, which journald turns into the entry's
/// PRIORITY, so <c>journalctl -u chargercontroller -p warning</c> works; scopes (<c>EvseId=1</c>) are written on the
/// line so a technician can grep one EVSE. Elsewhere (a terminal, <c>--simulate</c>) the usual readable format.
/// </summary>
internal static class JournalLogging
{
    /// <summary>The environment variable systemd sets when stdout/stderr go to the journal.</summary>
    public const string JournalStream = "JOURNAL_STREAM";

    public static void AddConsole(ILoggingBuilder logging, Func<string, string?> environment)
    {
        if (IsJournal(environment))
        {
            logging.AddSystemdConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
    }

    public static bool IsJournal(Func<string, string?> environment) => !string.IsNullOrEmpty(environment(JournalStream));
}
