using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Reservation;
using ChargerController.Station.Availability;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Reservations;

/// <content>Expiry, cancellation on Faulted/Unavailable, and the messages that follow.</content>
public sealed partial class ReservationManager
{
    /// <summary>
    /// Sends StatusNotification for the connectors whose status changed, when the station is online and registered;
    /// offline, the reconnect report (B04) carries the change.
    /// </summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task; failures are logged, not thrown.</returns>
    internal async Task ReportIfOnlineAsync(CancellationToken cancellationToken)
    {
        var context = Context;
        if (!context.Status.IsConnected || context.Status.Registration != RegistrationState.Accepted)
        {
            return;
        }

        try
        {
            await context.StatusReporter.ReportChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReservationLog.NotifyFailed(_logger, ex);
        }
    }

    private void OnExpiryTimer()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        IReadOnlyList<Reservation> expired;
        lock (_gate)
        {
            expired = _book.TakeExpired(Context.Time.GetUtcNow());
            RemoveFromStore(expired);
            RescheduleLocked();
        }

        if (expired.Count > 0)
        {
            // H04.FR.01-03: the connectors are Available again, then ReservationStatusUpdate Expired.
            Track(stop => NotifyEndedAsync(expired, ReservationUpdateStatusEnumType.Expired, reportFirst: true, stop));
        }
    }

    private void OnConnectorStatusChanged(object? sender, ConnectorLocation e) => CancelOutOfService();

    private void OnOperationalStateChanged(object? sender, EventArgs e) => CancelOutOfService();

    // A transaction that starts or ends changes which EVSEs are free, so which ones are kept back as Reserved.
    private void OnTransactionChanged(object? sender, int evseId) => ReportInBackground();

    private void OnVariableChanged(object? sender, VariableChangedEventArgs e)
    {
        // Enabling or disabling ReservationCtrlr shows or hides the Reserved connectors.
        if (string.Equals(e.Key.Component, ReservationCtrlr, StringComparison.OrdinalIgnoreCase))
        {
            ReportInBackground();
        }
    }

    private void ReportInBackground() => Track(ReportIfOnlineAsync);

    /// <summary>H01.FR.16/17: a reserved EVSE that went Faulted or Unavailable ends its reservation with Removed.</summary>
    private void CancelOutOfService()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_book.Count == 0)
            {
                return;
            }
        }

        var evses = Snapshot();
        IReadOnlyList<Reservation> removed;
        lock (_gate)
        {
            removed = _book.TakeOutOfService(evses);
            RemoveFromStore(removed);
            RescheduleLocked();
        }

        if (removed.Count > 0)
        {
            Track(stop => NotifyEndedAsync(removed, ReservationUpdateStatusEnumType.Removed, reportFirst: true, stop));
        }
    }

    /// <summary>
    /// Reports the connector status first (the CSMS sees the EVSE Available/Unavailable/Faulted before it hears why the
    /// reservation ended, as in H04 and TC_H_21), then queues one ReservationStatusUpdate per reservation.
    /// </summary>
    private async Task NotifyEndedAsync(IReadOnlyList<Reservation> ended, ReservationUpdateStatusEnumType status, bool reportFirst, CancellationToken stop)
    {
        try
        {
            await _notifyLock.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (reportFirst)
            {
                await ReportIfOnlineAsync(stop).ConfigureAwait(false);
            }

            foreach (var reservation in ended)
            {
                ReservationLog.ReservationEnded(_logger, reservation.Id, status);
                var request = new ReservationStatusUpdateRequest { ReservationId = reservation.Id, ReservationUpdateStatus = status };
                await Context.Sender.EnqueueAsync(request, UpdatePolicy, stop).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            ReservationLog.NotifyFailed(_logger, ex);
        }
        finally
        {
            _notifyLock.Release();
        }
    }

    /// <summary>
    /// Runs work off the caller's thread (event handlers of the EVSE loops and the timer must not wait for the CSMS)
    /// and keeps the task so <see cref="DisposeAsync"/> can wait for it; nothing starts once disposal began.
    /// </summary>
    private void Track(Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                return;
            }

            var stop = _stop.Token;
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(Task.Run(() => work(stop), CancellationToken.None));
        }
    }

    private void RemoveFromStore(IReadOnlyList<Reservation> reservations)
    {
        foreach (var reservation in reservations)
        {
            try
            {
                _store.Remove(reservation.Id);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The reservation is over either way; a stale row expires again (and is dropped) at the next start.
                ReservationLog.StoreFailed(_logger, ex);
            }
        }
    }

    private void RescheduleLocked()
    {
        if (_timer is null || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        if (_book.NextExpiry() is not { } next)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        // Far expiries are re-evaluated daily: timers cannot wait arbitrarily long, and the clock may be set meanwhile.
        var due = next - Context.Time.GetUtcNow();
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxTimerDue ? MaxTimerDue : due;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }
}
