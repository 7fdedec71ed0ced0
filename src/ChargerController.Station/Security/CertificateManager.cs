using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.ISO15118CertificateManagement;
using ChargerController.Ocpp.Messages.Security;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;
using ChargerController.Station.Provisioning.NetworkProfiles;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Security;

/// <summary>
/// Certificate management of the station (A02/A03, M03-M05): installs and lists CA certificates, deletes them (never the
/// last CSMS root in use, never the station certificate), generates key pairs and CSRs for SignCertificate, validates
/// and installs CertificateSigned chains, and is the TLS credential source of the network profiles.
/// </summary>
public sealed partial class CertificateManager : IStationModule, ITlsCredentialSource, ITriggeredMessageSource, IDisposable
{
    private const string PendingKeyName = "PendingChargingStationKey";
    private const string RequestIdName = "Security.NextSignRequestId";
    private const string PendingRequestIdName = "Security.PendingSignRequestId";
    private readonly ICertificateStore _store;
    private readonly StationDeviceModel _model;
    private readonly SecurityOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private TimeProvider _time;
    private IStationMessageSender? _sender;
    private SecurityEventReporter? _securityEvents;
    private X509Certificate2? _client;
    private bool _clientLoaded;
    private CancellationTokenSource? _resend;
    private CancellationTokenSource? _monitor;

    /// <summary>Initializes a new instance of the <see cref="CertificateManager"/> class.</summary>
    /// <param name="store">Durable certificate and key store.</param>
    /// <param name="model">The device model (SecurityCtrlr variables).</param>
    /// <param name="options">Key algorithm.</param>
    /// <param name="time">Clock (validity checks and the CertificateSigned wait); replaced by the runtime's station clock on attach.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public CertificateManager(ICertificateStore store, StationDeviceModel model, SecurityOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _store = store;
        _model = model;
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger<CertificateManager>();
        _model.RegisterLiveValue(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "CertificateEntries"), () => _store.LoadAll().Count.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public event EventHandler? ClientCertificateChanged;

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _sender = context.Sender;
        _securityEvents = context.SecurityEvents;
        _time = context.Time;
        context.Register(new InstallCertificateHandler(this));
        context.Register(new GetInstalledCertificateIdsHandler(this));
        context.Register(new DeleteCertificateHandler(this));
        context.Register(new CertificateSignedHandler(this));
        lock (_gate)
        {
            _monitor?.Cancel();
            _monitor?.Dispose();
            _monitor = new CancellationTokenSource();
            var stop = _monitor.Token;
            _ = Task.Run(() => MonitorExpiryAsync(stop), CancellationToken.None);
        }
    }

    /// <summary>How long before its expiry the station certificate is renewed on the station's own initiative (A02, "one month").</summary>
    public static TimeSpan RenewBeforeExpiry => TimeSpan.FromDays(30);

    /// <summary>
    /// Starts a renewal (SignCertificate, sent once registered and connected) when the station certificate expires within
    /// <see cref="RenewBeforeExpiry"/> and no signing request is pending.
    /// </summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Whether a renewal was started.</returns>
    public async Task<bool> RenewIfExpiringAsync(CancellationToken cancellationToken)
    {
        if (_sender is not { } sender || PendingRequestId() is not null)
        {
            return false;
        }

        var der = _store.LoadAll().FirstOrDefault(c => c.Use == CertificateUse.ChargingStation)?.Der;
        if (der is null)
        {
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(der);
        if (certificate.NotAfter.ToUniversalTime() - _time.GetUtcNow().UtcDateTime > RenewBeforeExpiry)
        {
            return false;
        }

        await RequestSigningAsync(new WhenAccepted(sender), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public X509Certificate2Collection GetCsmsRootCertificates() =>

        // M05.FR.14: the fallback root verifies the CSMS too, so a CSMS still presenting a certificate under the old root
        // keeps its connection. Simplification: both are offered at once rather than the new one first.
        [.. Load(CertificateUse.CsmsRoot), .. Load(CertificateUse.CsmsRootFallback)];

    /// <inheritdoc/>
    public X509Certificate2Collection GetCsmsRootCertificatesForMigration()
    {
        // M05.FR.15: migrating to another CSMS, only the new root counts; the fallback serves the old CSMS (M05.FR.14/16).
        X509Certificate2Collection roots = [.. Load(CertificateUse.CsmsRoot)];
        return roots.Count > 0 ? roots : GetCsmsRootCertificates();
    }

    /// <inheritdoc/>
    public void OnCsmsVerified(X509Certificate2Collection verifiedIssuers)
    {
        ArgumentNullException.ThrowIfNull(verifiedIssuers);
        var stored = _store.LoadAll();
        var fallbacks = stored.Where(c => c.Use == CertificateUse.CsmsRootFallback).ToList();
        if (fallbacks.Count == 0)
        {
            return;
        }

        // M05.FR.13: the CSMS chained through the new root, so the rollover is complete and the old root may go. A CSMS
        // still under the old root chains to it directly (M05.FR.14) and leaves the fallback in place.
        var roots = stored.Where(c => c.Use == CertificateUse.CsmsRoot).ToList();
        if (!verifiedIssuers.Any(issuer => roots.Any(root => issuer.RawData.AsSpan().SequenceEqual(root.Der))))
        {
            return;
        }

        foreach (var fallback in fallbacks)
        {
            try
            {
                _store.Delete(fallback);
                using var old = X509CertificateLoader.LoadCertificate(fallback.Der);
                SecurityLog.FallbackRootRemoved(_logger, old.Subject);
            }
#pragma warning disable CA1031 // Called on the connection loop: a store failure keeps the fallback until the next connection.
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or CryptographicException)
#pragma warning restore CA1031
            {
                SecurityLog.FallbackRootRemovalFailed(_logger, ex);
            }
        }
    }

    /// <inheritdoc/>
    public X509Certificate2? GetClientCertificate()
    {
        lock (_gate)
        {
            if (!_clientLoaded)
            {
                _client = BuildClientCertificate();
                _clientLoaded = true;
            }

            return _client;
        }
    }

    /// <inheritdoc/>
    public bool Supports(MessageTriggerEnumType message) => message == MessageTriggerEnumType.SignChargingStationCertificate;

    /// <inheritdoc/>
    public Task SendAsync(MessageTriggerEnumType message, int? evseId, IStationMessageSender sender, CancellationToken cancellationToken) =>
        RequestSigningAsync(sender, cancellationToken);

    /// <summary>
    /// Generates a new key pair and sends its CSR in SignCertificate (A02.FR.02/03/24); while no CertificateSigned
    /// follows, resends it after <c>CertSigningWaitMinimum</c>, doubling, at most <c>CertSigningRepeatTimes</c> times
    /// (A02.FR.17-19).
    /// </summary>
    /// <param name="sender">Sender.</param>
    /// <param name="cancellationToken">Cancels the first send.</param>
    /// <returns>The CSMS answer to the first request.</returns>
    public async Task<GenericStatusEnumType> RequestSigningAsync(IStationMessageSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var requestId = NextRequestId();
        var (pkcs8, csr) = CreateKeyAndCsr();
        CancellationTokenSource resend;
        lock (_gate)
        {
            _resend?.Cancel();
            _resend?.Dispose();
            _resend = resend = new CancellationTokenSource();
        }

        // Durable with the key: a CertificateSigned after a reboot still matches (A02.FR.26 checks the requestId).
        _model.SetInternal(PendingRequestIdName, requestId.ToString(CultureInfo.InvariantCulture));

        // The key is durable before the CSR leaves, so a CertificateSigned after a reboot still finds it.
        _store.SaveKey(PendingKeyName, pkcs8);
        CryptographicOperations.ZeroMemory(pkcs8);

        // A02.FR.17: the wait counts from sending; the timer exists before the request leaves.
        var wait = TimeSpan.FromSeconds(Math.Max(1, _model.GetInt(DeviceModelCatalog.SecurityCtrlr, "CertSigningWaitMinimum", 60)));
        var firstWait = Task.Delay(wait, _time, resend.Token);
        GenericStatusEnumType status;
        try
        {
            status = await SendSignCertificateAsync(sender, requestId, csr, 1, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await resend.CancelAsync().ConfigureAwait(false);
            throw;
        }

        if (status == GenericStatusEnumType.Accepted)
        {
            _ = Task.Run(() => ResendUntilSignedAsync(sender, requestId, csr, wait, firstWait, resend.Token), CancellationToken.None);
        }
        else
        {
            await resend.CancelAsync().ConfigureAwait(false);
        }

        return status;
    }

    /// <summary>Forwards an OCSP request to the CSMS (GetCertificateStatus, M06), for an ISO 15118 stack or an operator tool.</summary>
    /// <param name="request">The OCSP request data.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The CSMS answer.</returns>
    public Task<GetCertificateStatusResponse> GetCertificateStatusAsync(OCSPRequestDataType request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sender = _sender ?? throw new InvalidOperationException("Not attached to a runtime.");
        return sender.CallAsync<GetCertificateStatusRequest, GetCertificateStatusResponse>(new GetCertificateStatusRequest { OcspRequestData = request }, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _monitor?.Cancel();
            _monitor?.Dispose();
            _monitor = null;
            _resend?.Cancel();
            _resend?.Dispose();
            _resend = null;
            _client?.Dispose();
            _client = null;
        }
    }

    private async Task MonitorExpiryAsync(CancellationToken stop)
    {
        // A day is fine-grained enough against a month of margin, and cheap.
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await RenewIfExpiringAsync(stop).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromDays(1), _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The monitor must outlive a failed attempt; it tries again the next day.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SecurityLog.SigningFailed(_logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromDays(1), _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private int? PendingRequestId() =>
        int.TryParse(_model.GetInternal(PendingRequestIdName), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private IEnumerable<X509Certificate2> Load(string use) =>
        _store.LoadAll().Where(c => c.Use == use).Select(c => X509CertificateLoader.LoadCertificate(c.Der));

    private int NextRequestId()
    {
        lock (_gate)
        {
            var next = int.TryParse(_model.GetInternal(RequestIdName), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
            _model.SetInternal(RequestIdName, (next == int.MaxValue ? 1 : next + 1).ToString(CultureInfo.InvariantCulture));
            return next;
        }
    }

    private (byte[] Pkcs8, string Csr) CreateKeyAndCsr()
    {
        // A02.FR.03 / A00.FR.5xx: CN = the station identity, O = SecurityCtrlr.OrganizationName.
        var identity = _model.GetValue(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "Identity")) ?? "CS";
        var organization = _model.GetValue(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "OrganizationName")) ?? "ChargerController";
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(identity);
        subject.AddOrganizationName(organization);
        var name = subject.Build();
        if (_options.KeyAlgorithm == CertificateKeyAlgorithm.Rsa2048)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest(name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return (rsa.ExportPkcs8PrivateKey(), request.CreateSigningRequestPem());
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ecRequest = new CertificateRequest(name, ecdsa, HashAlgorithmName.SHA256);
        return (ecdsa.ExportPkcs8PrivateKey(), ecRequest.CreateSigningRequestPem());
    }

    private async Task<GenericStatusEnumType> SendSignCertificateAsync(IStationMessageSender sender, int requestId, string csr, int attempt, CancellationToken cancellationToken)
    {
        var response = await sender.CallRequestedAsync<SignCertificateRequest, SignCertificateResponse>(
            new SignCertificateRequest { Csr = csr, CertificateType = CertificateSigningUseEnumType.ChargingStationCertificate, RequestId = requestId },
            cancellationToken).ConfigureAwait(false);
        SecurityLog.SigningRequested(_logger, requestId, attempt, response.Status);
        return response.Status;
    }

    private async Task ResendUntilSignedAsync(IStationMessageSender sender, int requestId, string csr, TimeSpan wait, Task firstWait, CancellationToken stop)
    {
        var repeats = Math.Max(0, _model.GetInt(DeviceModelCatalog.SecurityCtrlr, "CertSigningRepeatTimes", 3));
        try
        {
            var pending = firstWait;
            for (var attempt = 2; attempt <= repeats + 1; attempt++)
            {
                await pending.ConfigureAwait(false);

                // A02.FR.18: each further wait doubles; again the timer starts before the request leaves.
                wait += wait;
                pending = Task.Delay(wait, _time, stop);
                await SendSignCertificateAsync(sender, requestId, csr, attempt, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The certificate arrived (or a newer request replaced this one).
        }
#pragma warning disable CA1031 // A background resend must not crash the station; the next trigger starts over.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SecurityLog.SigningFailed(_logger, ex);
        }
    }

    private X509Certificate2? BuildClientCertificate()
    {
        var der = _store.LoadAll().FirstOrDefault(c => c.Use == CertificateUse.ChargingStation)?.Der;
        var key = _store.LoadKey(CertificateUse.ChargingStation);
        if (der is null || key is null)
        {
            return null;
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            using var withKey = AttachKey(certificate, key);

            // A PKCS#12 round trip gives a certificate whose key SslStream can use.
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static X509Certificate2 AttachKey(X509Certificate2 certificate, byte[] pkcs8)
    {
        if (certificate.GetECDsaPublicKey() is { } ecPublic)
        {
            ecPublic.Dispose();
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return certificate.CopyWithPrivateKey(ecdsa);
        }

        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return certificate.CopyWithPrivateKey(rsa);
    }

    private void RaiseSecurityEvent(string type, string techInfo)
    {
        if (_securityEvents is { } reporter)
        {
            _ = RaiseAsync(reporter, type, techInfo);
        }
    }

    private async Task RaiseAsync(SecurityEventReporter reporter, string type, string techInfo)
    {
        try
        {
            await reporter.RaiseAsync(type, techInfo, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A full queue must not turn an answer into a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SecurityLog.SigningFailed(_logger, ex);
        }
    }
}
