using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Firmware;

/// <content>EVSE availability while an update waits for transactions (L01.FR.06/07/33) and the restart into the new firmware.</content>
public sealed partial class FirmwareUpdateManager
{
    private const string AllowNewSessionsVariable = "AllowNewSessionsPendingFirmwareUpdate";

    private async Task WaitForTransactionsAsync(CancellationToken cancellationToken)
    {
        if (!_transactions.HasActiveTransaction(null))
        {
            return;
        }

        // L01.FR.07: unless new sessions are allowed, idle EVSEs go Unavailable now and busy ones once their session ends
        // (AvailabilityManager's Scheduled change), until the firmware is installed.
        if (!_model!.GetBool("ChargingStation", AllowNewSessionsVariable, false))
        {
            await MakeUnavailableAsync(cancellationToken).ConfigureAwait(false);
        }

        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEnded(object? sender, int evseId)
        {
            if (!_transactions.HasActiveTransaction(null))
            {
                idle.TrySetResult();
            }
        }

        _transactions.TransactionEnded += OnEnded;
        try
        {
            if (_transactions.HasActiveTransaction(null))
            {
                await idle.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _transactions.TransactionEnded -= OnEnded;
        }
    }

    private async Task MakeUnavailableAsync(CancellationToken cancellationToken)
    {
        var availability = _availability!;
        var taken = _state!.UnavailableEvses.ToHashSet();
        foreach (var evse in availability.Connectors.Select(c => c.EvseId).Distinct().Order())
        {
            // An EVSE the CSMS already made Inoperative stays the CSMS's: only ours are given back afterwards.
            if (!taken.Contains(evse) && availability.IsOperative(evse, null))
            {
                availability.Change(evse, null, operative: false);
                taken.Add(evse);
            }
        }

        _state.SetUnavailableEvses(taken.Order());
        await ReportStatusChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RestoreAvailabilityAsync(CancellationToken cancellationToken)
    {
        var taken = _state!.UnavailableEvses;
        if (taken.Count == 0)
        {
            return;
        }

        foreach (var evse in taken)
        {
            _availability!.Change(evse, null, operative: true);
        }

        _state.SetUnavailableEvses([]);
        await ReportStatusChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportStatusChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _statusReporter!.ReportChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The status is reported again on reconnect (B04); the update goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FirmwareLog.InstallerProblem(_logger, "StatusNotification after an availability change failed", ex);
        }
    }

    /// <summary>At start-up: finish what the previous process left (activation after InstallRebooting, or an update cut short).</summary>
    private async Task ResumeAfterRestartAsync(CancellationToken cancellationToken)
    {
        var state = _state!;
        if (state.RequestId is not { } requestId)
        {
            return;
        }

        try
        {
            switch (state.Phase)
            {
                case FirmwarePhase.Activating:
                    await ActivateAsync(requestId, cancellationToken).ConfigureAwait(false);
                    break;
                case FirmwarePhase.Running:
                    // The process died during the update (power cut, crash): report it failed at the step it reached.
                    var failed = state.LastStatus is null or FirmwareStatusEnumType.DownloadScheduled or FirmwareStatusEnumType.Downloading or FirmwareStatusEnumType.DownloadPaused
                        ? FirmwareStatusEnumType.DownloadFailed
                        : FirmwareStatusEnumType.InstallationFailed;
                    await FinishAsync(requestId, failed, "Interrupted by a restart", cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Start-up must go on whatever the installer says.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FirmwareLog.Failed(_logger, requestId, ex);
        }
    }

    private async Task ActivateAsync(int requestId, CancellationToken cancellationToken)
    {
        var state = _state!;
        switch (_installer.BeginTrialBoot())
        {
            case FirmwareActivation.RollBackPending:
                FirmwareLog.RollingBack(_logger, requestId);
                await _reset.RebootAsync(BootReasonEnumType.FirmwareUpdate, cancellationToken).ConfigureAwait(false);
                return;
            case FirmwareActivation.RolledBack:
                await FinishAsync(requestId, FirmwareStatusEnumType.InstallationFailed, "The new firmware did not reach an accepted boot and was rolled back", cancellationToken).ConfigureAwait(false);
                return;
        }

        // The new firmware proves itself by an accepted BootNotification: CallAsync returns only after one.
        using var trial = new CancellationTokenSource(_options.TrialBootTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, trial.Token);
        try
        {
            await SendAsync(requestId, FirmwareStatusEnumType.Installed, null, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (trial.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            FirmwareLog.RollingBack(_logger, requestId);
            if (await _installer.RollBackAsync(cancellationToken).ConfigureAwait(false))
            {
                await _reset.RebootAsync(BootReasonEnumType.FirmwareUpdate, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // L01.FR.31.
        RaiseSecurityEvent(FirmwareSecurityEvents.FirmwareUpdated, $"requestId {requestId}");
        await _installer.ConfirmAsync(cancellationToken).ConfigureAwait(false);
        state.SetPhase(FirmwarePhase.None);
        await RestoreAvailabilityAsync(cancellationToken).ConfigureAwait(false);
    }
}
