using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Availability;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Station.Availability;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Runtime;

/// <content>The boot sequence, the heartbeat and the event reactions.</content>
public sealed partial class StationRuntime
{
    private async Task RunBootAsync(BootReasonEnumType reason, bool firstBoot, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await _connection.WaitUntilConnectedAsync(stop).ConfigureAwait(false);
            Task trigger;
            lock (_gate)
            {
                if (_bootNow.Task.IsCompleted)
                {
                    _bootNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                trigger = _bootNow.Task;
            }

            BootNotificationResponse response;
            try
            {
                response = await _connection.CallAsync<BootNotificationRequest, BootNotificationResponse>(BootRequest(reason), stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                RuntimeLog.BootFailed(_logger, _options.BootRetryInterval, ex);
                await WaitAsync(Task.Delay(_options.BootRetryInterval, _time, stop), trigger, stop).ConfigureAwait(false);
                continue;
            }

            RuntimeLog.BootAnswered(_logger, reason, response.Status, response.Interval);
            lock (_gate)
            {
                _lastCsmsTime = response.CurrentTime;
            }

            await SetClockAsync(response.CurrentTime, stop).ConfigureAwait(false);
            if (response.Status == RegistrationStatusEnumType.Accepted)
            {
                if (response.Interval > 0)
                {
                    // B01.FR.04: the heartbeat interval comes from the answer.
                    _model.SetByStation(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "HeartbeatInterval"), response.Interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                lock (_gate)
                {
                    _registration = RegistrationState.Accepted;
                    _bootLoopRunning = false;
                    _registered.TrySetResult();
                }

                _accepted.TrySetResult();
                if (firstBoot)
                {
                    await _pump.StartAsync().ConfigureAwait(false);
                    _heartbeatLoop = Task.Run(() => RunHeartbeatAsync(stop), CancellationToken.None);
                }

                await ReportSafelyAsync(StatusReporter.ReportAllAsync, stop).ConfigureAwait(false);
                return;
            }

            // B02.FR.04/07, B03.FR.02: next attempt after `interval` (own default when 0); a TriggerMessage may
            // shorten a Pending wait (B02.FR.08) but never a Rejected one. The timer starts before the state is
            // published so the interval counts from the answer.
            var wait = response.Interval > 0 ? TimeSpan.FromSeconds(response.Interval) : _options.BootRetryInterval;
            var timer = Task.Delay(wait, _time, stop);
            var pending = response.Status == RegistrationStatusEnumType.Pending;
            _registration = pending ? RegistrationState.Pending : RegistrationState.Rejected;
            var triggered = await WaitAsync(timer, pending ? trigger : null, stop).ConfigureAwait(false);
            if (triggered)
            {
                reason = BootReasonEnumType.Triggered;
            }
        }
    }

    private static async Task<bool> WaitAsync(Task timer, Task? trigger, CancellationToken stop)
    {
        var done = trigger is null ? await Task.WhenAny(timer).ConfigureAwait(false) : await Task.WhenAny(timer, trigger).ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
        return done != timer;
    }

    private BootNotificationRequest BootRequest(BootReasonEnumType reason) => new()
    {
        Reason = reason,
        ChargingStation = new ChargingStationType
        {
            VendorName = _identity.VendorName,
            Model = _identity.Model,
            SerialNumber = _identity.SerialNumber,
            FirmwareVersion = _identity.FirmwareVersion,
        },
    };

    private async Task RunHeartbeatAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            CancellationToken reschedule;
            lock (_gate)
            {
                reschedule = _heartbeatReschedule.Token;
            }

            var interval = TimeSpan.FromSeconds(Math.Max(1, _model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "HeartbeatInterval", 300)));
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, reschedule);
            try
            {
                await Task.Delay(interval, _time, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                continue;
            }

            if (!_connection.IsConnected || _registration != RegistrationState.Accepted)
            {
                // Nothing but the BootNotification while registering again (B10.FR.10, B02.FR.02).
                continue;
            }

            try
            {
                var response = await _connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), stop).ConfigureAwait(false);
                lock (_gate)
                {
                    _lastCsmsTime = response.CurrentTime;
                }

                await SetClockAsync(response.CurrentTime, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                RuntimeLog.HeartbeatFailed(_logger, ex);
            }
        }
    }

    private async Task SetClockAsync(DateTimeOffset csmsTime, CancellationToken stop)
    {
        // B01.FR.06 / G02: only when the operator chose the CSMS as a time source.
        var sources = _model.GetValue(VariableKey.Of(DeviceModelCatalog.ClockCtrlr, "TimeSource")) ?? string.Empty;
        if (!sources.Split(',').Contains("Heartbeat", StringComparer.Ordinal))
        {
            return;
        }

        var step = _clock.Adjust(csmsTime);
        var threshold = _model.GetInt(DeviceModelCatalog.ClockCtrlr, "TimeAdjustmentReportingThreshold", 0);
        if (step != TimeSpan.Zero && threshold > 0 && step.Duration() > TimeSpan.FromSeconds(threshold))
        {
            // ClockCtrlr.TimeAdjustmentReportingThreshold: a larger jump is the critical security event SettingSystemTime.
            var text = "Station clock stepped by " + ((long)step.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " s to the CSMS time";
            await SecurityEvents.RaiseAsync(Diagnostics.SecurityEventReporter.SettingSystemTime, text, stop).ConfigureAwait(false);
        }
    }

    private void OnVariableChanged(object? sender, VariableChangedEventArgs e)
    {
        if (string.Equals(e.Key.Variable, "HeartbeatInterval", StringComparison.OrdinalIgnoreCase))
        {
            CancellationTokenSource previous;
            lock (_gate)
            {
                previous = _heartbeatReschedule;
                _heartbeatReschedule = new CancellationTokenSource();
            }

            previous.Cancel();
            previous.Dispose();
        }
    }

    private void OnConnectionStateChanged(object? sender, OcppConnectionStateChangedEventArgs e)
    {
        RuntimeLog.ConnectionChanged(_logger, e.IsConnected ? "up" : "down");
        if (!e.IsConnected)
        {
            StatusReporter.MarkOffline();
            return;
        }

        var reconnect = _everConnected;
        _everConnected = true;
        if (reconnect && _registration == RegistrationState.Accepted)
        {
            // B04: a reconnect needs no new BootNotification; report status per OfflineThreshold.
            _ = ReportSafelyAsync(StatusReporter.ReportAfterReconnectAsync, _stop.Token);
        }
    }

    private void OnConnectorStatusChanged(object? sender, ConnectorLocation e) => OnStatusMayHaveChanged();

    private void OnAvailabilityChanged(object? sender, EventArgs e) => OnStatusMayHaveChanged();

    private void OnStatusMayHaveChanged()
    {
        if (_registration == RegistrationState.Accepted && _connection.IsConnected)
        {
            _ = ReportSafelyAsync(StatusReporter.ReportChangesAsync, _stop.Token);
        }
    }

    private async Task ReportSafelyAsync(Func<CancellationToken, Task> report, CancellationToken stop)
    {
        try
        {
            await report(stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            RuntimeLog.StatusReportFailed(_logger, ex);
        }
    }
}
