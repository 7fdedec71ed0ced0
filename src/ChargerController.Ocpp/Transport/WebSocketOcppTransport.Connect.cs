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
            var attempt = await ConnectOnceAsync(stop).ConfigureAwait(false);
            if (attempt.Socket is { } socket)
            {
                // Errata 2025-06 §4.1: after a successful connection the back-off starts again at the minimum.
                _policy.Reset();
                using (attempt.Invoker)
                using (socket)
                {
                    _socket = socket;
                    NegotiatedVersion = attempt.Version;
                    _events.Writer.TryWrite(TransportEvent.Connected(attempt.Version));
                    SetState(WebSocketTransportState.Connected);
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
            }

            if (stop.IsCancellationRequested)
            {
                break;
            }

            // Create the timer before announcing it, so a virtual clock advanced on the announcement cannot miss it.
            var delay = _policy.NextDelay();
            var wait = Task.Delay(delay, _timeProvider, stop);
            _logger.ReconnectScheduled(delay, _policy.Attempt);
            SetState(WebSocketTransportState.WaitingToReconnect, delay, reason);
            try
            {
                await wait.ConfigureAwait(false);
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

    private async Task<ConnectAttempt> ConnectOnceAsync(CancellationToken stop)
    {
        _logger.Connecting(_connectionUri, _options.StationId, (int)_options.SecurityProfile);
        var socket = new ClientWebSocket();
        var invoker = new HttpMessageInvoker(CreateHandler(), disposeHandler: true);
        try
        {
            ConfigureSocket(socket.Options);
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stop);
            await socket.ConnectAsync(_connectionUri, invoker, linked.Token).ConfigureAwait(false);

            if (!OcppSubprotocol.TryParse(socket.SubProtocol, out var version))
            {
                // Part 4 §3.3: a CSMS that accepts none of our versions answers without the header and closes.
                _logger.NoSubprotocol(string.Join(", ", _options.OfferedVersions.Select(OcppSubprotocol.NameOf)));
                socket.Abort();
                socket.Dispose();
                invoker.Dispose();
                return new ConnectAttempt(null, null, default, "CSMS selected no OCPP subprotocol");
            }

            _logger.Connected(socket.SubProtocol!);
            return new ConnectAttempt(socket, invoker, version, null);
        }
#pragma warning disable CA1031 // Every failure of an attempt (DNS, TCP, TLS, HTTP 401/404, timeout) means: back off and retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            socket.Dispose();
            invoker.Dispose();
            return new ConnectAttempt(null, null, default, Describe(ex, stop));
        }
    }

    private void ConfigureSocket(ClientWebSocketOptions socketOptions)
    {
        foreach (var version in _options.OfferedVersions)
        {
            socketOptions.AddSubProtocol(OcppSubprotocol.NameOf(version));
        }

        if (_options.SecurityProfile != SecurityProfile.TlsWithClientSideCertificates)
        {
            // A00.FR.203/204: Basic authentication, user = the station identity, on every connection.
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.StationId + ":" + _options.BasicAuthPassword));
            socketOptions.SetRequestHeader("Authorization", "Basic " + credentials);
        }

        // Part 4 §5.3/§8.4: WebSocketPingInterval 0 disables our pings; otherwise ping and expect the pong in time.
        socketOptions.KeepAliveInterval = _options.WebSocketPingInterval;
        if (_options.WebSocketPingInterval > TimeSpan.Zero)
        {
            socketOptions.KeepAliveTimeout = _options.WebSocketPingInterval;
        }
    }

    private SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.Zero,
        };

        if (_options.SecurityProfile != SecurityProfile.UnsecuredTransportWithBasicAuthentication)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                // A00.FR.313: TLS 1.2 or higher only.
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = ValidateServerCertificate,
                ClientCertificates = _options.SecurityProfile == SecurityProfile.TlsWithClientSideCertificates
                    ? new X509CertificateCollection { _options.ClientCertificate! }
                    : null,
            };
        }

        return handler;
    }

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_certificates.Validate(certificate, chain, errors, out var reason))
        {
            return true;
        }

        _logger.ServerCertificateRejected(certificate?.Subject, reason);
        return false;
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

    private sealed record ConnectAttempt(WebSocket? Socket, HttpMessageInvoker? Invoker, OcppVersion Version, string? Failure);
}
