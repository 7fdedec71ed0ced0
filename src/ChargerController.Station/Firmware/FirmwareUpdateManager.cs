using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.FirmwareManagement;
using ChargerController.Station.Availability;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;
using ChargerController.Station.Provisioning;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;
using ChargerController.Station.Security;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Firmware;

/// <summary>
/// Secure (L01) and, when allowed, non-secure (L02) firmware update: answers UpdateFirmware, then downloads, verifies,
/// schedules, installs through the <see cref="IFirmwareInstaller"/> and activates by restart, reporting every step in a
/// FirmwareStatusNotification with the request's requestId (L01.FR.01/10). One update runs at a time; a new request
/// cancels it until installation starts (L01.FR.24), later it is refused (L01.FR.27).
/// </summary>
public sealed partial class FirmwareUpdateManager : IStationModule, ITriggeredMessageSource, IAsyncDisposable
{
    private readonly IFirmwareDownloader _downloader;
    private readonly IFirmwareInstaller _installer;
    private readonly ICertificateStore _certificates;
    private readonly IStationTransactions _transactions;
    private readonly IResetPort _reset;
    private readonly FirmwareUpdateOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _shutdown = new();
    private TimeProvider _time;
    private IStationMessageSender? _sender;
    private SecurityEventReporter? _securityEvents;
    private AvailabilityManager? _availability;
    private StatusNotificationReporter? _statusReporter;
    private StationDeviceModel? _model;
    private FirmwareStateStore? _state;
    private UpdateJob? _job;
    private UpdateJob? _prepared;
    private string? _pendingCertificateEvent;
    private Task _resume = Task.CompletedTask;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="FirmwareUpdateManager"/> class.</summary>
    /// <param name="downloader">Fetches images.</param>
    /// <param name="installer">Installs verified images.</param>
    /// <param name="certificates">The certificate store (ManufacturerRootCertificates).</param>
    /// <param name="transactions">Running transactions (installation and activation wait for them, L01.FR.06/33).</param>
    /// <param name="reset">Restarts the station to activate a firmware.</param>
    /// <param name="options">Settings.</param>
    /// <param name="time">Clock; replaced by the runtime's station clock on attach.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public FirmwareUpdateManager(
        IFirmwareDownloader downloader,
        IFirmwareInstaller installer,
        ICertificateStore certificates,
        IStationTransactions transactions,
        IResetPort reset,
        FirmwareUpdateOptions options,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(downloader);
        ArgumentNullException.ThrowIfNull(installer);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(reset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _downloader = downloader;
        _installer = installer;
        _certificates = certificates;
        _transactions = transactions;
        _reset = reset;
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger<FirmwareUpdateManager>();
    }

    /// <summary>Gets the task of the running update (completed when none runs); tests and shutdown wait on it.</summary>
    public Task Current
    {
        get
        {
            lock (_gate)
            {
                return _job?.Completion ?? _resume;
            }
        }
    }

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _sender = context.Sender;
        _securityEvents = context.SecurityEvents;
        _availability = context.Availability;
        _statusReporter = context.StatusReporter;
        _model = context.DeviceModel;
        _state = new FirmwareStateStore(context.DeviceModel);
        _time = context.Time;
        context.Register(new UpdateFirmwareHandler(this));
        _resume = Task.Run(() => ResumeAfterRestartAsync(_shutdown.Token), CancellationToken.None);
    }

    /// <inheritdoc/>
    public bool Supports(MessageTriggerEnumType message) => message == MessageTriggerEnumType.FirmwareStatusNotification;

    /// <inheritdoc/>
    public async Task SendAsync(MessageTriggerEnumType message, int? evseId, IStationMessageSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);

        // L01.FR.25/26: the last status sent, Idle once the last update ended Installed (or none ever ran).
        var last = _state?.LastStatus;
        var request = last is null or FirmwareStatusEnumType.Installed
            ? new FirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.Idle }
            : new FirmwareStatusNotificationRequest { Status = last.Value, RequestId = _state!.RequestId };
        await sender.CallRequestedAsync<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // DI disposes a singleton once per registration that resolves to it (module, trigger source, itself).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        Task running;
        lock (_gate)
        {
            running = Task.WhenAll(_job?.Completion ?? Task.CompletedTask, _resume);
        }

        try
        {
            await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }

        _shutdown.Dispose();
    }

    /// <summary>Decides the answer to UpdateFirmware (L01.FR.21/22/24/27); the accepted update starts after the answer went out.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    internal UpdateFirmwareResponse Decide(UpdateFirmwareRequest request)
    {
        var firmware = request.Firmware;
        lock (_gate)
        {
            _prepared = null;
            _pendingCertificateEvent = null;
            var running = _job is { Completion.IsCompleted: false } ? _job : null;
            if (running is not null && (!_options.CancelOnNewRequest || running.Phase >= JobPhase.Installing))
            {
                return Refuse(request, UpdateFirmwareStatusEnumType.Rejected, "UpdateInProgress", "A firmware update is installing and cannot be canceled");
            }

            var secure = firmware.SigningCertificate is not null || firmware.Signature is not null;
            if (!secure && !_options.AllowUnsignedFirmware)
            {
                return Refuse(request, UpdateFirmwareStatusEnumType.Rejected, "UnsignedFirmware", "Only signed firmware is installed (L01)");
            }

            X509Certificate2? certificate = null;
            if (secure)
            {
                var roots = _certificates.LoadAll().Where(c => c.Use == CertificateUse.ManufacturerRoot).Select(c => c.Der);
                certificate = FirmwareSignatureVerifier.ValidateCertificate(firmware.SigningCertificate, roots, _time.GetUtcNow(), out var reason);
                if (certificate is null)
                {
                    // L01.FR.02/22: answer InvalidCertificate and raise the security event; a running update goes on.
                    _pendingCertificateEvent = reason ?? "Invalid signing certificate";
                    return Refuse(request, UpdateFirmwareStatusEnumType.InvalidCertificate, "InvalidCertificate", reason ?? "Invalid signing certificate");
                }
            }

            // L01.FR.24: cancel without first checking that the new file exists, so a CSMS can cancel with any location.
            running?.Cancel();
            _prepared = new UpdateJob(request, certificate, running?.Completion ?? Task.CompletedTask, _shutdown.Token);
            return new UpdateFirmwareResponse { Status = running is null ? UpdateFirmwareStatusEnumType.Accepted : UpdateFirmwareStatusEnumType.AcceptedCanceled };
        }
    }

    /// <summary>Starts the update accepted by <see cref="Decide"/> (respond first, then act: the first status follows the answer).</summary>
    internal void StartPrepared()
    {
        lock (_gate)
        {
            if (_pendingCertificateEvent is { } reason)
            {
                _pendingCertificateEvent = null;
                RaiseSecurityEvent(FirmwareSecurityEvents.InvalidFirmwareSigningCertificate, reason);
            }

            if (_prepared is not { } job)
            {
                return;
            }

            _prepared = null;
            _job = job;
            job.Completion = Task.Run(() => RunAsync(job), CancellationToken.None);
        }
    }

    private UpdateFirmwareResponse Refuse(UpdateFirmwareRequest request, UpdateFirmwareStatusEnumType status, string reasonCode, string reason)
    {
        FirmwareLog.Refused(_logger, request.RequestId, status, reason);
        return new UpdateFirmwareResponse
        {
            Status = status,
            StatusInfo = new StatusInfoType { ReasonCode = reasonCode, AdditionalInfo = reason.Length > 1024 ? reason[..1024] : reason },
        };
    }

    private void RaiseSecurityEvent(string type, string? techInfo)
    {
        if (_securityEvents is { } reporter)
        {
            _ = RaiseAsync(reporter, type, techInfo);
        }
    }

    private async Task RaiseAsync(SecurityEventReporter reporter, string type, string? techInfo)
    {
        try
        {
            await reporter.RaiseAsync(type, techInfo, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A full queue must not turn a firmware step into a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FirmwareLog.InstallerProblem(_logger, "security event " + type + " not queued", ex);
        }
    }
}
