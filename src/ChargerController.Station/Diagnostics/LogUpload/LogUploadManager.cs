using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>
/// Log retrieval (N01): answers GetLog, assembles the log from an <see cref="ILogSource"/>, uploads it with the
/// <see cref="ILogUploader"/> of the URL's scheme, retries per <c>retries</c>/<c>retryInterval</c>, reports every step
/// in LogStatusNotification, cancels a running upload for a newer request (N01.FR.12/20) and answers TriggerMessage
/// LogStatusNotification (Idle, or the running upload's status, N01.FR.13).
/// </summary>
public sealed class LogUploadManager : IStationModule, ITriggeredMessageSource, IAsyncDisposable
{
    private readonly IReadOnlyList<ILogSource> _sources;
    private readonly IReadOnlyList<ILogUploader> _uploaders;
    private readonly LogUploadOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private TimeProvider _time;
    private IStationMessageSender? _sender;
    private StationDeviceModel? _model;
    private LogUploadJob? _current;
    private int _disposed;
    private SecurityEventReporter? _securityEvents;

    /// <summary>Initializes a new instance of the <see cref="LogUploadManager"/> class.</summary>
    /// <param name="sources">The log sources; the first that supports a log type serves it.</param>
    /// <param name="uploaders">The file transfer protocols.</param>
    /// <param name="options">Retries, timeouts, HTTP method.</param>
    /// <param name="time">Clock (replaced by the runtime's on attach).</param>
    /// <param name="loggerFactory">Loggers.</param>
    public LogUploadManager(IEnumerable<ILogSource> sources, IEnumerable<ILogUploader> uploaders, LogUploadOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(uploaders);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _sources = [.. sources];
        _uploaders = [.. uploaders];
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger<LogUploadManager>();
    }

    /// <summary>Gets the URL schemes the uploaders handle, upper case as in OcppCommCtrlr.FileTransferProtocols.</summary>
    public IReadOnlyList<string> FileTransferProtocols =>
        [.. _uploaders.SelectMany(u => u.Schemes).Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _sender = context.Sender;
        _time = context.Time;
        _model = context.DeviceModel;

        // What the uploaders really speak, not a configured claim (TC_N_101..103 read it to pick the server).
        _model.RegisterLiveValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "FileTransferProtocols"), () => string.Join(',', FileTransferProtocols));
        if (_options.SecurityLog is not null)
        {
            if (_securityEvents is not null)
            {
                _securityEvents.Raised -= OnSecurityEvent;
            }

            _securityEvents = context.SecurityEvents;
            _securityEvents.Raised += OnSecurityEvent;
        }

        context.Register(new GetLogHandler(this));
    }

    /// <inheritdoc/>
    public bool Supports(MessageTriggerEnumType message) => message == MessageTriggerEnumType.LogStatusNotification;

    /// <inheritdoc/>
    public async Task SendAsync(MessageTriggerEnumType message, int? evseId, IStationMessageSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        LogUploadJob? running;
        lock (_gate)
        {
            running = _current is { IsRunning: true } job ? job : null;
        }

        // N01.FR.13 / F06: Idle without requestId when nothing runs, else the running upload's status and id.
        var request = running is null
            ? new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Idle }
            : new LogStatusNotificationRequest { Status = running.Status, RequestId = running.RequestId };
        await sender.CallRequestedAsync<LogStatusNotificationRequest, LogStatusNotificationResponse>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // The container disposes it once per registration (module, trigger source, itself): only the first counts.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LogUploadJob? current;
        lock (_gate)
        {
            current = _current;
            _current = null;
        }

        if (_securityEvents is not null)
        {
            _securityEvents.Raised -= OnSecurityEvent;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (current is not null)
        {
            current.TryCancel();
            await current.Completion.ConfigureAwait(false);
            current.Dispose();
        }

        _stopping.Dispose();
    }

    /// <summary>Decides the GetLog answer (N01.FR.01/05/12) and prepares the upload that <see cref="Start"/> runs.</summary>
    /// <param name="request">The request.</param>
    /// <param name="job">The prepared upload, null when refused.</param>
    /// <returns>The answer.</returns>
    internal GetLogResponse Accept(GetLogRequest request, out LogUploadJob? job)
    {
        job = null;
        var remote = request.Log?.RemoteLocation ?? string.Empty;
        if (!Uri.TryCreate(remote, UriKind.Absolute, out var parsed) || parsed.IsFile || parsed.IsUnc)
        {
            return Refuse(request.RequestId, "InvalidURL", "remoteLocation is not an absolute URL");
        }

        var scheme = parsed.Scheme.ToLowerInvariant();
        var uploader = _uploaders.FirstOrDefault(u => u.Schemes.Contains(scheme, StringComparer.Ordinal));
        if (uploader is null)
        {
            // Not in FileTransferProtocols: nothing would ever reach the server, so say so now.
            return Refuse(request.RequestId, "UnsupportedProtocol", $"{scheme} is not in FileTransferProtocols");
        }

        var source = _sources.FirstOrDefault(s => s.Supports(request.LogType));
        if (source is null)
        {
            // N01.FR.05: the requested log information is not available.
            return Refuse(request.RequestId, "NoLogAvailable", $"no {request.LogType} on this station");
        }

        var fileName = FileName(request.LogType);

        // N01.FR.21: a location ending in a slash is a folder the file name is appended to; N01.FR.29: else used as received.
        var location = remote.EndsWith('/') ? new Uri(remote + fileName) : parsed;
        bool replacing;
        lock (_gate)
        {
            var previous = _current;
            replacing = previous is { IsRunning: true };
            job = new LogUploadJob(request, location, fileName, source, uploader, previous);
            _current = job;
        }

        LogUploadLog.Started(_logger, request.RequestId, request.LogType, location.Host, fileName);
        return new GetLogResponse { Status = replacing ? LogStatusEnumType.AcceptedCanceled : LogStatusEnumType.Accepted, Filename = fileName };
    }

    /// <summary>Runs the prepared upload in the background; called once the GetLog answer went out (house rule 13).</summary>
    /// <param name="job">The upload.</param>
    internal void Start(LogUploadJob job)
    {
        if (job.MarkStarted())
        {
            _ = Task.Run(() => RunAsync(job), CancellationToken.None);
        }
        else
        {
            job.Complete();
        }
    }

    private void OnSecurityEvent(object? sender, Ocpp.Messages.Security.SecurityEventNotificationRequest e)
    {
        try
        {
            _options.SecurityLog?.Append(e.Timestamp, e.Type, e.TechInfo);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogUploadLog.SecurityLogFailed(_logger, ex);
        }
    }

    private GetLogResponse Refuse(int requestId, string reasonCode, string reason)
    {
        LogUploadLog.Refused(_logger, requestId, reason);
        return new GetLogResponse { Status = LogStatusEnumType.Rejected, StatusInfo = new StatusInfoType { ReasonCode = reasonCode, AdditionalInfo = reason } };
    }

    private string FileName(LogEnumType logType)
    {
        var identity = _model?.GetValue(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "Identity")) is { Length: > 0 } id ? id : "station";
        var safe = new string([.. identity.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        var stamp = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"{safe}-{logType}-{stamp}.log";
    }

    private async Task RunAsync(LogUploadJob job)
    {
        try
        {
            if (job.Previous is { } previous)
            {
                // N01.FR.12/20: the older upload stops first and reports AcceptedCanceled under its own requestId (N01.FR.07).
                var canceled = previous.TryCancel();
                await previous.Completion.ConfigureAwait(false);
                previous.Dispose();
                if (canceled)
                {
                    LogUploadLog.Canceled(_logger, previous.RequestId);
                    await NotifyAsync(previous.RequestId, UploadLogStatusEnumType.AcceptedCanceled, null).ConfigureAwait(false);
                }
            }

            await UploadAsync(job, job.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (job.Token.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // Replaced by a newer GetLog (which reports AcceptedCanceled) or the station stops.
        }
#pragma warning disable CA1031 // A background upload must never take the station down; the failure is reported and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUploadLog.AttemptFailed(_logger, job.RequestId, 0, UploadLogStatusEnumType.UploadFailure, ex.Message);
        }
        finally
        {
            job.Complete();
        }
    }

    private async Task UploadAsync(LogUploadJob job, CancellationToken cancellationToken)
    {
        var request = job.Request;
        var query = new LogQuery(request.LogType, request.Log.OldestTimestamp, request.Log.LatestTimestamp);
        LogFile file;
        try
        {
            file = await job.Source.CollectAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUploadLog.CollectFailed(_logger, job.RequestId, ex);
            job.Status = UploadLogStatusEnumType.UploadFailure;
            await NotifyAsync(job.RequestId, UploadLogStatusEnumType.UploadFailure, new StatusInfoType { ReasonCode = "LogUnavailable", AdditionalInfo = Truncate(ex.Message) }).ConfigureAwait(false);
            return;
        }

        var retries = Math.Clamp(request.Retries ?? _options.DefaultRetries, 0, _options.MaxRetries);
        var interval = request.RetryInterval is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : _options.DefaultRetryInterval;
        for (var attempt = 1; ; attempt++)
        {
            // N01.FR.08, and N01.FR.10's note: a new Uploading before each retry.
            job.Status = UploadLogStatusEnumType.Uploading;
            await NotifyAsync(job.RequestId, UploadLogStatusEnumType.Uploading, null).ConfigureAwait(false);
            var failure = await AttemptAsync(job, file, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                job.Status = UploadLogStatusEnumType.Uploaded;
                LogUploadLog.Uploaded(_logger, job.RequestId, file.Content.Length);
                await NotifyAsync(job.RequestId, UploadLogStatusEnumType.Uploaded, null).ConfigureAwait(false);
                return;
            }

            LogUploadLog.AttemptFailed(_logger, job.RequestId, attempt, failure.Status, failure.Message);

            // The retry timer exists before the failure leaves, so the wait counts from the failed attempt.
            var wait = attempt <= retries ? Task.Delay(interval, _time, cancellationToken) : null;
            job.Status = failure.Status;

            // N01.FR.10: every failed attempt is reported (TC_N_26 expects a status per attempt).
            await NotifyAsync(job.RequestId, failure.Status, new StatusInfoType { ReasonCode = failure.ReasonCode, AdditionalInfo = Truncate(failure.Message) }).ConfigureAwait(false);
            if (wait is null)
            {
                return;
            }

            await wait.ConfigureAwait(false);
        }
    }

    private async Task<LogUploadException?> AttemptAsync(LogUploadJob job, LogFile file, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await job.Uploader.UploadAsync(job.Location, job.FileName, file, linked.Token).ConfigureAwait(false);
            return null;
        }
        catch (LogUploadException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ex;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new LogUploadException(UploadLogStatusEnumType.UploadFailure, "Timeout", "the upload attempt timed out");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or HttpRequestException or InvalidOperationException or System.Security.Authentication.AuthenticationException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new LogUploadException(UploadLogStatusEnumType.UploadFailure, "UploadFailed", ex.Message, ex);
        }
    }

    private async Task NotifyAsync(int requestId, UploadLogStatusEnumType status, StatusInfoType? info)
    {
        if (_sender is not { } sender)
        {
            return;
        }

        try
        {
            await sender.CallAsync<LogStatusNotificationRequest, LogStatusNotificationResponse>(
                new LogStatusNotificationRequest { Status = status, RequestId = requestId, StatusInfo = info },
                _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A lost status notification must not end the upload; the CSMS can ask with TriggerMessage.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUploadLog.NotificationFailed(_logger, requestId, status, ex);
        }
    }

    private static string Truncate(string text) => text.Length > 512 ? text[..512] : text;
}
