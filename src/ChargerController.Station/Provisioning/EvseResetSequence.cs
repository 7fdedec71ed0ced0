using ChargerController.Station.Availability;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Provisioning;

/// <summary>
/// The reset of one EVSE, the same for an OCPP Reset with evseId and for <c>chargerctl evse reset</c>: its transaction
/// ends first (B12.FR.08, stoppedReason ImmediateReset), its connectors are reported Unavailable (B11.FR.08), the EVSE is
/// reset through the <see cref="IEvseResetPort"/>, and the status it comes back in is reported.
/// </summary>
public sealed class EvseResetSequence
{
    private readonly IEvseResetPort _port;
    private readonly IStationTransactions _transactions;
    private readonly StatusNotificationReporter? _reporter;
    private readonly IOcppStatusSource? _status;

    /// <summary>Initializes a new instance of the <see cref="EvseResetSequence"/> class.</summary>
    /// <param name="port">Resets the EVSE.</param>
    /// <param name="transactions">Running transactions.</param>
    /// <param name="reporter">Reports connector status; null = nothing reported here.</param>
    /// <param name="status">The connection, so status is only reported while registered and connected; null = always.</param>
    public EvseResetSequence(IEvseResetPort port, IStationTransactions transactions, StatusNotificationReporter? reporter, IOcppStatusSource? status)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(transactions);
        _port = port;
        _transactions = transactions;
        _reporter = reporter;
        _status = status;
    }

    /// <summary>Runs the reset; completes when the EVSE is back in service.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="cancellationToken">Cancels the waiting (a started reset still completes).</param>
    /// <returns>A task.</returns>
    /// <exception cref="TimeoutException">The EVSE did not come back (its loop does not run).</exception>
    public async ValueTask RunAsync(int evseId, CancellationToken cancellationToken)
    {
        if (_transactions.HasActiveTransaction(evseId))
        {
            await _transactions.EndAsync(evseId, "ImmediateReset", cancellationToken).ConfigureAwait(false);
        }

        _reporter?.BeginEvseReset(evseId);
        try
        {
            await ReportAsync(r => r.ReportChangesAsync(cancellationToken)).ConfigureAwait(false);
            await _port.ResetEvseAsync(evseId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reporter?.EndEvseReset(evseId);
        }

        await ReportAsync(r => r.ReportChangesAsync(cancellationToken)).ConfigureAwait(false);
    }

    private async Task ReportAsync(Func<StatusNotificationReporter, Task> report)
    {
        if (_reporter is null || (_status is not null && !(_status.IsConnected && _status.Registration == RegistrationState.Accepted)))
        {
            return;
        }

        try
        {
            await report(_reporter).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // A status report the CSMS did not take must not keep the EVSE from its reset; the next change reports again.
        }
    }
}
