using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Station.Availability;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Provisioning;

/// <summary>
/// Answers Reset (B11/B12): idle → <c>Accepted</c> and reboot; <c>OnIdle</c> with a transaction → <c>Scheduled</c>,
/// reboot when the last one ends (boot reason <c>ScheduledReset</c>); <c>Immediate</c> → end transactions with
/// <c>ImmediateReset</c>, then reboot; per-EVSE reset without <c>EVSE.AllowReset</c> → <c>Rejected</c> (B11.FR.09);
/// <c>ImmediateAndResume</c> (B13) → <c>Rejected</c> while <c>TxCtrlr.ResumptionTimeout</c> is 0, else running
/// transactions get <c>Updated</c>/<c>ResetCommand</c>, stay open across the reboot and are resumed after it.
/// </summary>
public sealed class ResetHandler : IOcppRequestHandler<ResetRequest, ResetResponse>, IOcppAfterResponse<ResetRequest, ResetResponse>, IDisposable
{
    private readonly StationDeviceModel _model;
    private readonly IStationTransactions _transactions;
    private readonly IResetPort _port;
    private readonly SecurityEventReporter _securityEvents;
    private readonly EvseResetSequence? _evseReset;
    private readonly Lock _gate = new();
    private readonly HashSet<int> _scheduledEvses = [];
    private int _scheduled;

    /// <summary>Initializes a new instance of the <see cref="ResetHandler"/> class.</summary>
    /// <param name="model">Device model (EVSE.AllowReset).</param>
    /// <param name="transactions">Running transactions.</param>
    /// <param name="port">Reboot port.</param>
    /// <param name="securityEvents">Security events (A04: <c>ResetOrReboot</c>).</param>
    /// <param name="evseReset">Per-EVSE reset port; null = not supported (B11.FR.09).</param>
    /// <param name="statusReporter">Reports the reset EVSE's connector status (B11.FR.08); null = only the change-driven reports.</param>
    /// <param name="status">The connection state the status reports wait for; null = always report.</param>
    public ResetHandler(StationDeviceModel model, IStationTransactions transactions, IResetPort port, SecurityEventReporter securityEvents, IEvseResetPort? evseReset = null, StatusNotificationReporter? statusReporter = null, IOcppStatusSource? status = null)
    {
        _evseReset = evseReset is null ? null : new EvseResetSequence(evseReset, transactions, statusReporter, status);
        _model = model;
        _transactions = transactions;
        _port = port;
        _securityEvents = securityEvents;
        _transactions.TransactionEnded += OnTransactionEnded;
    }

    /// <inheritdoc/>
    public ValueTask<ResetResponse> HandleAsync(ResetRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = Decide(request);
        if (status == ResetStatusEnumType.Scheduled && request.EvseId is { } evse and > 0)
        {
            lock (_gate)
            {
                _scheduledEvses.Add(evse);
            }
        }
        else if (status == ResetStatusEnumType.Scheduled)
        {
            Volatile.Write(ref _scheduled, 1);
        }

        return ValueTask.FromResult(new ResetResponse { Status = status });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(ResetRequest request, ResetResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != ResetStatusEnumType.Accepted)
        {
            return;
        }

        if (request.EvseId is { } evseId and > 0 && _evseReset is { } evseReset)
        {
            // B12.FR.08: Immediate ends that EVSE's transaction (ResetCommand/ImmediateReset) before the EVSE reset;
            // B11.FR.08: the EVSE reports Unavailable while it resets.
            await evseReset.RunAsync(evseId, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (request.Type == ResetEnumType.ImmediateAndResume)
        {
            if (_transactions.HasActiveTransaction(null))
            {
                // B13.FR.04/20: report and stop, but keep the transactions open for the resumption after the reboot.
                await _transactions.SuspendAllForResetAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else if (_transactions.HasActiveTransaction(null))
        {
            await _transactions.EndAllAsync("ImmediateReset", cancellationToken).ConfigureAwait(false);
        }

        await _securityEvents.RaiseAsync(SecurityEventReporter.ResetOrReboot, "Reset " + request.Type, cancellationToken).ConfigureAwait(false);
        await _port.RebootAsync(BootReasonEnumType.RemoteReset, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _transactions.TransactionEnded -= OnTransactionEnded;

    private ResetStatusEnumType Decide(ResetRequest request)
    {
        if (request.Type == ResetEnumType.ImmediateAndResume)
        {
            // B13.FR.01: resumption needs TxCtrlr.ResumptionTimeout > 0; B13.FR.02/03: then Accepted, with or without
            // transactions, as long as the transaction layer can carry them across the reboot.
            // B13.FR.10-12 (reset one EVSE and resume its transaction) is not supported: only the whole station.
            if (_model.GetInt("TxCtrlr", "ResumptionTimeout", 0) <= 0
                || request.EvseId is > 0
                || (_transactions.HasActiveTransaction(null) && !_transactions.CanResumeAfterReset))
            {
                return ResetStatusEnumType.Rejected;
            }
        }

        if (request.EvseId is { } evseId and > 0)
        {
            var allowed = _model.GetValue(new VariableKey(DeviceModelCatalog.Evse, null, evseId, null, "AllowReset", null));
            if (allowed != "true")
            {
                return ResetStatusEnumType.Rejected;
            }
        }

        // B12.FR.01/07: OnIdle waits for the transactions of the station, or of the one EVSE, to end.
        var scope = request.EvseId is { } id and > 0 ? id : (int?)null;
        return request.Type == ResetEnumType.OnIdle && _transactions.HasActiveTransaction(scope)
            ? ResetStatusEnumType.Scheduled
            : ResetStatusEnumType.Accepted;
    }

    private async Task RebootWhenIdleAsync()
    {
        await _securityEvents.RaiseAsync(SecurityEventReporter.ResetOrReboot, "Reset OnIdle", CancellationToken.None).ConfigureAwait(false);
        await _port.RebootAsync(BootReasonEnumType.ScheduledReset, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ResetEvseWhenIdleAsync(int evseId)
    {
        if (_evseReset is { } sequence)
        {
            await sequence.RunAsync(evseId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void OnTransactionEnded(object? sender, int evseId)
    {
        bool evseDue;
        lock (_gate)
        {
            evseDue = _scheduledEvses.Remove(evseId);
        }

        if (evseDue)
        {
            _ = ResetEvseWhenIdleAsync(evseId);
        }

        if (!_transactions.HasActiveTransaction(null) && Interlocked.Exchange(ref _scheduled, 0) == 1)
        {
            _ = RebootWhenIdleAsync();
        }
    }
}
