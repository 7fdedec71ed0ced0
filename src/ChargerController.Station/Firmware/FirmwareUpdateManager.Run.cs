using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.FirmwareManagement;

namespace ChargerController.Station.Firmware;

/// <content>The steps of one update (L01 scenario steps 3-6, Figure 149 status transitions).</content>
public sealed partial class FirmwareUpdateManager
{
    private async Task RunAsync(UpdateJob job)
    {
        try
        {
            await job.Previous.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The canceled update's own failure is its business; this one starts regardless.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        var state = _state!;
        var image = Path.Combine(_options.DownloadDirectory, $"firmware-{job.RequestId}.img");
        try
        {
            state.Begin(job.RequestId);
            await RunStepsAsync(job, image).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (job.Token.IsCancellationRequested)
        {
            FirmwareLog.Canceled(_logger, job.RequestId);
            if (job.Canceled)
            {
                // Replaced by a newer update (L01.FR.24): it reports from now on under its own requestId.
                state.SetPhase(FirmwarePhase.None);
                await AfterCancelAsync(() => RestoreAvailabilityAsync(_shutdown.Token)).ConfigureAwait(false);
            }

            // On shutdown the phase stays Running: the next start reports the update failed.
        }
#pragma warning disable CA1031 // Never crash the station over a firmware update: report the failure instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FirmwareLog.Failed(_logger, job.RequestId, ex);
            var failed = job.Phase < JobPhase.Verifying ? FirmwareStatusEnumType.DownloadFailed : FirmwareStatusEnumType.InstallationFailed;
            await AfterCancelAsync(() => FinishAsync(job.RequestId, failed, ex.Message, _shutdown.Token)).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(image);
            job.Release();
        }
    }

    private async Task RunStepsAsync(UpdateJob job, string image)
    {
        var token = job.Token;
        var firmware = job.Request.Firmware;

        // L01.FR.13: not yet allowed to download, or busy charging.
        var scheduled = false;
        if (firmware.RetrieveDateTime > _time.GetUtcNow())
        {
            await SendAsync(job.RequestId, FirmwareStatusEnumType.DownloadScheduled, null, token).ConfigureAwait(false);
            scheduled = true;
            await DelayUntilAsync(firmware.RetrieveDateTime, token).ConfigureAwait(false);
        }

        if (!_options.DownloadDuringTransaction && _transactions.HasActiveTransaction(null))
        {
            if (!scheduled)
            {
                await SendAsync(job.RequestId, FirmwareStatusEnumType.DownloadScheduled, null, token).ConfigureAwait(false);
            }

            await WaitForTransactionsAsync(token).ConfigureAwait(false);
        }

        job.Phase = JobPhase.Downloading;
        if (!await DownloadAsync(job, image).ConfigureAwait(false))
        {
            return;
        }

        await SendAsync(job.RequestId, FirmwareStatusEnumType.Downloaded, null, token).ConfigureAwait(false);
        job.Phase = JobPhase.Verifying;
        if (job.Certificate is { } certificate)
        {
            // L01.FR.04/12: the signature over the whole file with the signing certificate's key; missing = invalid.
            if (!FirmwareSignatureVerifier.VerifyImage(certificate, firmware.Signature, image))
            {
                await FinishAsync(job.RequestId, FirmwareStatusEnumType.InvalidSignature, "Signature does not verify", token).ConfigureAwait(false);
                RaiseSecurityEvent(FirmwareSecurityEvents.InvalidFirmwareSignature, $"requestId {job.RequestId}: signature over SHA-256 of the image does not verify");
                return;
            }

            await SendAsync(job.RequestId, FirmwareStatusEnumType.SignatureVerified, null, token).ConfigureAwait(false);
        }

        // L01.FR.16: install at installDateTime.
        job.Phase = JobPhase.InstallScheduled;
        if (firmware.InstallDateTime is { } installAt && installAt > _time.GetUtcNow())
        {
            await SendAsync(job.RequestId, FirmwareStatusEnumType.InstallScheduled, null, token).ConfigureAwait(false);
            await DelayUntilAsync(installAt, token).ConfigureAwait(false);
        }

        // L01.FR.06: an installer that cannot run beside a charging session waits for every transaction to end.
        if (!_installer.CanInstallDuringTransaction && _transactions.HasActiveTransaction(null))
        {
            await SendAsync(job.RequestId, FirmwareStatusEnumType.InstallScheduled, null, token).ConfigureAwait(false);
            await WaitForTransactionsAsync(token).ConfigureAwait(false);
        }

        job.Phase = JobPhase.Installing;
        await SendAsync(job.RequestId, FirmwareStatusEnumType.Installing, null, token).ConfigureAwait(false);

        // From here on the update is not canceled by a new request; only shutdown stops it.
        var outcome = await _installer.InstallAsync(image, job.RequestId, _shutdown.Token).ConfigureAwait(false);
        switch (outcome)
        {
            case FirmwareInstallOutcome.VerificationFailed:
                await FinishAsync(job.RequestId, FirmwareStatusEnumType.InstallVerificationFailed, "The image is not an installable firmware", token).ConfigureAwait(false);
                return;
            case FirmwareInstallOutcome.Failed:
                await FinishAsync(job.RequestId, FirmwareStatusEnumType.InstallationFailed, "Installation failed", token).ConfigureAwait(false);
                return;
            case FirmwareInstallOutcome.Installed:
                // L01.FR.28/31, L01.FR.32 (b): active without a restart.
                await FinishAsync(job.RequestId, FirmwareStatusEnumType.Installed, null, token).ConfigureAwait(false);
                RaiseSecurityEvent(FirmwareSecurityEvents.FirmwareUpdated, $"requestId {job.RequestId}");
                return;
        }

        // L01.FR.33: activation by restart waits for every transaction to end; meanwhile idle EVSEs are Unavailable (L01.FR.07).
        job.Phase = JobPhase.Activating;
        await WaitForTransactionsAsync(_shutdown.Token).ConfigureAwait(false);
        _state!.SetPhase(FirmwarePhase.Activating);

        // L01.FR.15/32 (a): InstallRebooting before the restart; the new firmware sends Installed.
        await SendAsync(job.RequestId, FirmwareStatusEnumType.InstallRebooting, null, _shutdown.Token).ConfigureAwait(false);
        await _reset.RebootAsync(BootReasonEnumType.FirmwareUpdate, _shutdown.Token).ConfigureAwait(false);
    }

    private async Task<bool> DownloadAsync(UpdateJob job, string image)
    {
        var request = job.Request;
        var attempts = 1 + Math.Max(0, request.Retries ?? _options.DefaultRetries);
        var interval = request.RetryInterval is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : _options.DefaultRetryInterval;
        Directory.CreateDirectory(_options.DownloadDirectory);
        Exception? last = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            // L01.FR.30 note: Downloading again for every retry.
            await SendAsync(job.RequestId, FirmwareStatusEnumType.Downloading, null, job.Token).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(_options.DownloadTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Token, timeout.Token);
            try
            {
                if (!Uri.TryCreate(request.Firmware.Location, UriKind.Absolute, out var location))
                {
                    throw new FirmwareDownloadException("Location is not an absolute URL");
                }

                await _downloader.DownloadAsync(location, image, linked.Token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException ex) when (!job.Token.IsCancellationRequested)
            {
                last = ex;
            }
            catch (FirmwareDownloadException ex)
            {
                last = ex;
            }

            FirmwareLog.DownloadAttemptFailed(_logger, job.RequestId, attempt, attempts, last);
            TryDelete(image);
            if (attempt < attempts)
            {
                await Task.Delay(interval, _time, job.Token).ConfigureAwait(false);
            }
        }

        // L01.FR.30: every attempt failed.
        await FinishAsync(job.RequestId, FirmwareStatusEnumType.DownloadFailed, last?.Message, job.Token).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Runs a last report after the job itself ended. It observes the station's shutdown, never
    /// <see cref="CancellationToken.None"/>: a CALL or status report that cannot complete while the station stops (its
    /// timeout runs on the station clock) would otherwise hold <see cref="DisposeAsync"/> for ever.
    /// </summary>
    private async Task AfterCancelAsync(Func<Task> report)
    {
        try
        {
            await report().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            // Shutting down: the next start reports what is left (the phase is persisted).
        }
    }

    /// <summary>A final status: sent, EVSEs given back, the update no longer pending.</summary>
    private async Task FinishAsync(int requestId, FirmwareStatusEnumType status, string? info, CancellationToken cancellationToken)
    {
        _state!.SetPhase(FirmwarePhase.None);
        await SendAsync(requestId, status, info, cancellationToken).ConfigureAwait(false);
        await RestoreAvailabilityAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(int requestId, FirmwareStatusEnumType status, string? info, CancellationToken cancellationToken)
    {
        _state!.SetLastStatus(status);
        FirmwareLog.Status(_logger, requestId, status);
        var request = new FirmwareStatusNotificationRequest
        {
            Status = status,
            RequestId = requestId,
            StatusInfo = info is null ? null : new StatusInfoType { ReasonCode = ReasonCode(status), AdditionalInfo = info.Length > 1024 ? info[..1024] : info },
        };
        try
        {
            await _sender!.CallAsync<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A lost notification must not stop the update; TriggerMessage can ask for the status again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FirmwareLog.SendFailed(_logger, requestId, status, ex);
        }
    }

    /// <summary>StatusInfoType.reasonCode allows 20 characters; the longest status names do not fit.</summary>
    private static string ReasonCode(FirmwareStatusEnumType status) => status switch
    {
        FirmwareStatusEnumType.InstallVerificationFailed => "InvalidFirmwareImage",
        _ => status.ToString() is { Length: > 20 } name ? name[..20] : status.ToString(),
    };

    private async Task DelayUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
