using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>
/// Where the station's logs come from for GetLog (N01): chargerd reads the systemd journal, tests and other hosts read
/// files. The log format is not prescribed (N01 remark), so a source returns its native text.
/// </summary>
public interface ILogSource
{
    /// <summary>Gets whether this source holds logs of <paramref name="logType"/> (otherwise GetLog answers Rejected, N01.FR.05).</summary>
    /// <param name="logType">DiagnosticsLog, SecurityLog or DataCollectorLog.</param>
    /// <returns>True when it does.</returns>
    bool Supports(LogEnumType logType);

    /// <summary>Assembles the log file.</summary>
    /// <param name="query">Type and time window.</param>
    /// <param name="cancellationToken">Cancels (a newer GetLog replaces this one, N01.FR.12).</param>
    /// <returns>The file content.</returns>
    /// <exception cref="IOException">The log could not be read.</exception>
    Task<LogFile> CollectAsync(LogQuery query, CancellationToken cancellationToken);
}
