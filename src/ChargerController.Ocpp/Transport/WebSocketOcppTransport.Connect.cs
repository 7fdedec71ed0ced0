using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ChargerController.Ocpp.Diagnostics;

namespace ChargerController.Ocpp.Transport;

/// <summary>The connection manager: connect, run, reconnect with back-off (Part 4 §5.4 + errata §4.1).</summary>
public sealed partial class WebSocketOcppTransport
{
    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            SetState(WebSocketTransportState.Connecting);
            string reason;
            var target = AskTarget();
            Interlocked.Exchange(ref _reconnectRequested, 0);
            var attempt = await ConnectOnceAsync(target, stop).ConfigureAwait(false);
            if (attempt.Socket is { } socket)
            {
                // Errata 2025-06 §4.1: after a successful connection the back-off starts again at the minimum.
                _policy.Reset();
                Report(p => p.OnConnected(target, attempt.VerifiedIssuers));
                DisposeAll(attempt.VerifiedIssuers);
                using (attempt.Invoker)
                using (socket)
                {
                    _socket = socket;
                    NegotiatedVersion = attempt.Version;
                    _events.Writer.TryWrite(TransportEvent.Connected(attempt.Version));
                    SetState(WebSocketTransportState.Connected);
                    if (Volatile.Read(ref _reconnectRequested) != 0)
                    {
                        // Asked for while this attempt was under way: its target may already be stale.
                        _ = CloseForReconnectAsync(socket);
                    }

                    reason = await ReceiveUntilClosedAsync(socket, stop).ConfigureAwait(false);
                    _socket = null;
                    socket.Abort();
                }

                _logger.Disconnected(reason);
                _events.Writer.TryWrite(TransportEvent.Disconnected(reason));
            }
            else
            {
                reason = attempt.Failure!;
                _logger.ConnectFailed(reason);
                var kind = attempt.FailureKind;
                Report(p => p.OnConnectFailed(target, kind, reason));
            }

            if (stop.IsCancellationRequested)
            {
                break;
            }

            if (Interlocked.Exchange(ref _reconnectRequested, 0) != 0)
            {
                // A deliberate reconnect (new password or profile) is no connection loss: no back-off.
                _policy.Reset();
                continue;
            }

            // Create the timer before announcing it, so a virtual clock advanced on the announcement cannot miss it.
            var delay = _policy.NextDelay();
            var wake = NewReconnectSignal();
            var wait = Task.Delay(delay, _timeProvider, stop);
            _logger.ReconnectScheduled(delay, _policy.Attempt);
            SetState(WebSocketTransportState.WaitingToReconnect, delay, reason);
            try
            {
                await Task.WhenAny(wait, wake).ConfigureAwait(false);
                stop.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        SetState(WebSocketTransportState.Stopped);
        _events.Writer.TryWrite(TransportEvent.Stopped());
        _events.Writer.TryComplete();
    }

    private ConnectionTarget? AskTarget()
    {
        try
        {
            return _options.ConnectionTargets?.GetTarget();
        }
#pragma warning disable CA1031 // A provider's bug must not stop reconnecting: fall back to the configured options.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.StateSubscriberFailed(ex);
            return null;
        }
    }

    private void Report(Action<IConnectionTargetProvider> callback)
    {
        if (_options.ConnectionTargets is not { } provider)
        {
            return;
        }

        try
        {
            callback(provider);
        }
#pragma warning disable CA1031 // A provider's bug must not stop reconnecting.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.StateSubscriberFailed(ex);
        }
    }

    private async Task<ConnectAttempt> ConnectOnceAsync(ConnectionTarget? target, CancellationToken stop)
    {
        var settings = Resolve(target);
        if (settings.Problem is { } problem)
        {
            return new ConnectAttempt(null, null, default, problem, ConnectFailureKind.InvalidTarget);
        }

        var uri = BuildConnectionUri(settings.Url, settings.StationId);
        _connectionUri = uri;
        _logger.Connecting(uri, settings.StationId, (int)settings.Profile);
        var socket = new ClientWebSocket();
        var validator = new CsmsCertificateValidator(settings.Roots, _options.AllowCsmsTlsWildcards, _timeProvider);
        var rejected = new RejectionFlag();
        var invoker = new HttpMessageInvoker(CreateHandler(settings, validator, rejected), disposeHandler: true);
        try
        {
            ConfigureSocket(socket.Options, settings);
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stop);
            await socket.ConnectAsync(uri, invoker, linked.Token).ConfigureAwait(false);

            if (!OcppSubprotocol.TryParse(socket.SubProtocol, out var version))
            {
                // Part 4 §3.3: a CSMS that accepts none of our versions answers without the header and closes.
                _logger.NoSubprotocol(string.Join(", ", _options.OfferedVersions.Select(OcppSubprotocol.NameOf)));
                socket.Abort();
                socket.Dispose();
                invoker.Dispose();
                DisposeAll(validator.VerifiedIssuers);
                return new ConnectAttempt(null, null, default, "CSMS selected no OCPP subprotocol", ConnectFailureKind.NoSubprotocol);
            }

            _logger.Connected(socket.SubProtocol!);
            return new ConnectAttempt(socket, invoker, version, null, default) { VerifiedIssuers = validator.VerifiedIssuers };
        }
#pragma warning disable CA1031 // Every failure of an attempt (DNS, TCP, TLS, HTTP 401/404, timeout) means: back off and retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DisposeAll(validator.VerifiedIssuers);
            var kind = Classify(ex, socket.HttpStatusCode, rejected.Value);
            socket.Dispose();
            invoker.Dispose();
            return new ConnectAttempt(null, null, default, Describe(ex, stop), kind);
        }
    }

    private AttemptSettings Resolve(ConnectionTarget? target)
    {
        if (target is null)
        {
            return new AttemptSettings(_options.CsmsUrl, _options.SecurityProfile, _options.BasicAuthPassword, _options.CsmsRootCertificates, _options.ClientCertificate, null) { StationId = _options.StationId };
        }

        var settings = new AttemptSettings(
            target.CsmsUrl,
            target.SecurityProfile,
            target.BasicAuthPassword ?? _options.BasicAuthPassword,
            target.CsmsRootCertificates ?? _options.CsmsRootCertificates,
            target.ClientCertificate ?? _options.ClientCertificate,
            null)
        {
            StationId = string.IsNullOrEmpty(target.StationId) ? _options.StationId : target.StationId,
        };
        var secure = settings.Profile != SecurityProfile.UnsecuredTransportWithBasicAuthentication;
        string? problem = null;
        if (!settings.Url.IsAbsoluteUri || settings.Url.Scheme != (secure ? "wss" : "ws"))
        {
            problem = $"target {target.Name}: profile {(int)settings.Profile} needs a {(secure ? "wss" : "ws")}:// URL";
        }
        else if (settings.Profile != SecurityProfile.TlsWithClientSideCertificates && string.IsNullOrEmpty(settings.Password))
        {
            problem = $"target {target.Name}: no Basic-auth password";
        }
        else if (settings.Profile == SecurityProfile.TlsWithClientSideCertificates && settings.Client is not { HasPrivateKey: true })
        {
            problem = $"target {target.Name}: profile 3 without a client certificate";
        }
        else if (secure && settings.Roots.Count == 0)
        {
            problem = $"target {target.Name}: no CSMS root certificate (A05.FR.02)";
        }

        return settings with { Problem = problem };
    }

    private void ConfigureSocket(ClientWebSocketOptions socketOptions, AttemptSettings settings)
    {
        foreach (var version in _options.OfferedVersions)
        {
            socketOptions.AddSubProtocol(OcppSubprotocol.NameOf(version));
        }

        // Keeps the HTTP status of a refused upgrade, so a 401 can be told apart (A04 FailedToAuthenticateAtCsms).
        socketOptions.CollectHttpResponseDetails = true;
        if (settings.Profile != SecurityProfile.TlsWithClientSideCertificates)
        {
            // A00.FR.203/204: Basic authentication, user = the station identity, on every connection.
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.StationId + ":" + settings.Password));
            socketOptions.SetRequestHeader("Authorization", "Basic " + credentials);
        }

        // Part 4 §5.3/§8.4: WebSocketPingInterval 0 disables our pings; otherwise ping and expect the pong in time.
        socketOptions.KeepAliveInterval = _options.WebSocketPingInterval;
        if (_options.WebSocketPingInterval > TimeSpan.Zero)
        {
            socketOptions.KeepAliveTimeout = _options.WebSocketPingInterval;
        }
    }

    private SocketsHttpHandler CreateHandler(AttemptSettings settings, CsmsCertificateValidator validator, RejectionFlag rejected)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.Zero,
        };

        if (settings.Profile != SecurityProfile.UnsecuredTransportWithBasicAuthentication)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                // A00.FR.313: TLS 1.2 or higher only.
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => ValidateServerCertificate(validator, rejected, certificate, chain, errors),
                ClientCertificates = settings.Profile == SecurityProfile.TlsWithClientSideCertificates
                    ? new X509CertificateCollection { settings.Client! }
                    : null,
            };
        }

        return handler;
    }

    private bool ValidateServerCertificate(CsmsCertificateValidator validator, RejectionFlag rejected, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (validator.Validate(certificate, chain, errors, out var reason))
        {
            return true;
        }

        rejected.Value = true;
        _logger.ServerCertificateRejected(certificate?.Subject, reason);
        try
        {
            CsmsCertificateRejected?.Invoke(this, new CsmsCertificateRejectedEventArgs(certificate?.Subject, reason));
        }
#pragma warning disable CA1031 // A subscriber's bug must not turn a refusal into an acceptance or a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.StateSubscriberFailed(ex);
        }

        return false;
    }

    private static ConnectFailureKind Classify(Exception exception, HttpStatusCode status, bool certificateRejected)
    {
        if (certificateRejected)
        {
            return ConnectFailureKind.InvalidCsmsCertificate;
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            return ConnectFailureKind.Unauthorized;
        }

        if ((int)status >= 300)
        {
            return ConnectFailureKind.Refused;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                // The TLS stack reports these only as text; match the OpenSSL/SChannel wording we know of.
                var text = string.Join(" ", Chain(e).Select(x => x.Message)).ToUpperInvariant();
                if (text.Contains("PROTOCOL VERSION", StringComparison.Ordinal) || text.Contains("UNSUPPORTED PROTOCOL", StringComparison.Ordinal))
                {
                    return ConnectFailureKind.InvalidTlsVersion;
                }

                if (text.Contains("CIPHER", StringComparison.Ordinal))
                {
                    return ConnectFailureKind.InvalidTlsCipherSuite;
                }

                return ConnectFailureKind.TlsHandshakeFailed;
            }
        }

        return ConnectFailureKind.Unreachable;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static string Describe(Exception exception, CancellationToken stop)
    {
        if (exception is OperationCanceledException)
        {
            return stop.IsCancellationRequested ? "stopped" : "connect timed out";
        }

        // Messages of socket/HTTP/TLS exceptions carry no request headers, so no credentials.
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, exception) ? exception.Message : exception.Message + " (" + innermost.Message + ")";
    }

    private static void DisposeAll(X509Certificate2Collection certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }

        certificates.Clear();
    }

    private sealed record ConnectAttempt(WebSocket? Socket, HttpMessageInvoker? Invoker, OcppVersion Version, string? Failure, ConnectFailureKind FailureKind)
    {
        public X509Certificate2Collection VerifiedIssuers { get; init; } = [];
    }

    private sealed record AttemptSettings(Uri Url, SecurityProfile Profile, string? Password, X509Certificate2Collection Roots, X509Certificate2? Client, string? Problem)
    {
        public required string StationId { get; init; }
    }

    private sealed class RejectionFlag
    {
        public bool Value { get; set; }
    }
}
