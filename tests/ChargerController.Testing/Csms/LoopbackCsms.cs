using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChargerController.Testing.Csms;

/// <summary>
/// A CSMS test double on a real Kestrel WebSocket server bound to 127.0.0.1 on a free port. It negotiates
/// subprotocols, checks Basic auth and client certificates, records every frame both ways, answers CALLs from a
/// per-action script, sends CALLs to the station and awaits the replies, and can refuse, drop or garble on demand.
/// Deliberately raw (frames as JSON text, not the engine) so tests can make it misbehave.
/// </summary>
public sealed class LoopbackCsms : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LoopbackCsmsOptions _options;
    private readonly ConcurrentQueue<ConnectionAttempt> _attempts = new();
    private readonly ConcurrentQueue<CsmsSession> _sessions = new();
    private readonly ConcurrentDictionary<string, Func<string, JsonElement, string?>> _scripts = new(StringComparer.Ordinal);
    private readonly object _waitGate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _refuseWithStatus;
    private volatile string? _passwordOverride;
    private volatile bool _passwordOverridden;
    private int _refuseCount;
    private int _tlsHandshakes;
    private X509Certificate2? _serverCertificate;

    private LoopbackCsms(WebApplication app, LoopbackCsmsOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>Gets the OCPP-J endpoint URL (without station id) to configure the station with.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets how many TLS handshakes the server started (failed ones included: they never reach an upgrade request).</summary>
    public int TlsHandshakesStarted => Volatile.Read(ref _tlsHandshakes);

    /// <summary>Gets every upgrade request so far.</summary>
    public IReadOnlyList<ConnectionAttempt> Attempts => _attempts.ToArray();

    /// <summary>Gets every accepted session so far, oldest first.</summary>
    public IReadOnlyList<CsmsSession> Sessions => _sessions.ToArray();

    /// <summary>Gets the newest session, if any.</summary>
    public CsmsSession? Current => _sessions.LastOrDefault();

    /// <summary>Gets every frame of every session, in order per session.</summary>
    public IReadOnlyList<RecordedFrame> Frames => _sessions.SelectMany(s => s.Frames).ToArray();

    /// <summary>Starts the server.</summary>
    /// <param name="options">Behaviour; null for plain ws://, 2.1 + 2.0.1, no auth.</param>
    /// <returns>The running CSMS.</returns>
    public static async Task<LoopbackCsms> StartAsync(LoopbackCsmsOptions? options = null)
    {
        options ??= new LoopbackCsmsOptions();
        LoopbackCsms? csmsRef = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (options.ServerCertificate is { } certificate)
                {
                    listen.UseHttps(https =>
                    {
                        https.ServerCertificate = certificate;
                        https.ServerCertificateSelector = (_, _) => Volatile.Read(ref csmsRef!._serverCertificate) ?? certificate;
                        https.SslProtocols = options.ServerSslProtocols ?? (SslProtocols.Tls12 | SslProtocols.Tls13);
                        https.OnAuthenticate = (_, _) => Interlocked.Increment(ref csmsRef!._tlsHandshakes);
                        if (options.ClientCertificateCa is { } ca)
                        {
                            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                            https.ClientCertificateValidation = (client, _, _) => ChainsTo(client, ca);
                        }
                    });
                }
            });
        });

        var app = builder.Build();
        var csms = new LoopbackCsms(app, options);
        csmsRef = csms;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Run(csms.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        var scheme = options.ServerCertificate is null ? "ws" : "wss";
        var host = options.HostName ?? (options.ServerCertificate is null ? "127.0.0.1" : "localhost");
        csms.Endpoint = new Uri($"{scheme}://{host}:{port}{options.Path}");
        return csms;
    }

    /// <summary>Answers CALLs of <paramref name="action"/> with this CALLRESULT payload.</summary>
    /// <param name="action">Action.</param>
    /// <param name="payloadJson">Payload JSON object.</param>
    public void Respond(string action, string payloadJson) => _scripts[action] = (id, _) => $"[3,{Quote(id)},{payloadJson}]";

    /// <summary>Answers CALLs of <paramref name="action"/> with a payload computed from the request payload.</summary>
    /// <param name="action">Action.</param>
    /// <param name="payloadFactory">Request payload → response payload JSON.</param>
    public void Respond(string action, Func<JsonElement, string> payloadFactory) =>
        _scripts[action] = (id, request) => $"[3,{Quote(id)},{payloadFactory(request)}]";

    /// <summary>Answers CALLs of <paramref name="action"/> with a CALLERROR.</summary>
    /// <param name="action">Action.</param>
    /// <param name="errorCode">Error code.</param>
    /// <param name="description">Description.</param>
    public void RespondWithError(string action, string errorCode, string description = "") =>
        _scripts[action] = (id, _) => $"[4,{Quote(id)},{Quote(errorCode)},{Quote(description)},{{}}]";

    /// <summary>Answers CALLs of <paramref name="action"/> with any text (even garbage); null = no answer.</summary>
    /// <param name="action">Action.</param>
    /// <param name="frameFactory">(message id, request payload) → frame text or null.</param>
    public void RespondRaw(string action, Func<string, JsonElement, string?> frameFactory) => _scripts[action] = frameFactory;

    /// <summary>Never answers CALLs of <paramref name="action"/> (to provoke timeouts).</summary>
    /// <param name="action">Action.</param>
    public void Ignore(string action) => _scripts[action] = (_, _) => null;

    /// <summary>Answers the next <paramref name="count"/> upgrade requests with an HTTP error instead of accepting.</summary>
    /// <param name="count">How many (int.MaxValue for all until <see cref="AcceptConnections"/>).</param>
    /// <param name="statusCode">HTTP status, e.g. 503.</param>
    public void RefuseConnections(int count, int statusCode = StatusCodes.Status503ServiceUnavailable)
    {
        _refuseWithStatus = statusCode;
        Volatile.Write(ref _refuseCount, count);
    }

    /// <summary>
    /// From now on expects this Basic-auth password instead of <see cref="LoopbackCsmsOptions.BasicAuthPassword"/> (null = no
    /// check), as a CSMS does once a station accepted a new password (A01.FR.03).
    /// </summary>
    /// <param name="password">The password.</param>
    public void SetBasicAuthPassword(string? password)
    {
        _passwordOverride = password;
        _passwordOverridden = true;
    }

    /// <summary>Presents <paramref name="certificate"/> (with key) in every TLS handshake from now on (a CSMS moving to a new root, M05).</summary>
    /// <param name="certificate">The new server certificate; the caller keeps it alive while the CSMS runs.</param>
    public void SetServerCertificate(X509Certificate2 certificate) => Volatile.Write(ref _serverCertificate, certificate);

    /// <summary>Closes the current session's WebSocket from the CSMS side (abort, as a lost connection).</summary>
    public void DropCurrentSession() => Current?.Abort();

    /// <summary>Stops refusing.</summary>
    public void AcceptConnections() => Volatile.Write(ref _refuseCount, 0);

    /// <summary>Waits for the <paramref name="ordinal"/>-th (1-based) accepted session.</summary>
    /// <param name="ordinal">1 for the first session ever, 2 for the second…</param>
    /// <param name="timeout">Real-time limit; default 10 s.</param>
    /// <returns>The session.</returns>
    public Task<CsmsSession> WaitForSessionAsync(int ordinal = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _sessions.Skip(ordinal - 1).FirstOrDefault(), timeout, $"session #{ordinal}");

    /// <summary>Waits for the <paramref name="count"/>-th upgrade request (1-based, whatever its answer).</summary>
    /// <param name="count">The number of attempts to wait for.</param>
    /// <param name="timeout">Real-time limit; default 10 s.</param>
    /// <returns>That attempt.</returns>
    public Task<ConnectionAttempt> WaitForAttemptAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _attempts.Skip(count - 1).FirstOrDefault(), timeout, $"connection attempt #{count}");

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            session.Abort();
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    internal Func<string, JsonElement, string?>? ScriptFor(string action) => _scripts.TryGetValue(action, out var script) ? script : null;

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private async Task<T> WaitUntilAsync<T>(Func<T?> probe, TimeSpan? timeout, string what)
        where T : class
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        using var cts = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_waitGate)
            {
                changed = _changed.Task;
            }

            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {what} within {limit}.");
            }
        }
    }

    private void SignalChanged()
    {
        TaskCompletionSource previous;
        lock (_waitGate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private void Record(ConnectionAttempt attempt)
    {
        _attempts.Enqueue(attempt);
        SignalChanged();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        var path = context.Request.Path.Value ?? string.Empty;
        var stationId = path.StartsWith(_options.Path + "/", StringComparison.Ordinal) ? Uri.UnescapeDataString(path[(_options.Path.Length + 1)..]) : string.Empty;
        string? authorization = context.Request.Headers.Authorization;
        var requested = context.WebSockets.WebSocketRequestedProtocols.ToArray();
        var clientCertificate = context.Connection.ClientCertificate?.Subject;

        int status;
        if (stationId.Length == 0)
        {
            status = StatusCodes.Status404NotFound;
        }
        else if (TryTakeRefusal())
        {
            status = _refuseWithStatus;
        }
        else if ((_passwordOverridden ? _passwordOverride : _options.BasicAuthPassword) is { } password
            && authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(stationId + ":" + password)))
        {
            status = StatusCodes.Status401Unauthorized;
        }
        else if (!context.WebSockets.IsWebSocketRequest)
        {
            status = StatusCodes.Status400BadRequest;
        }
        else
        {
            status = StatusCodes.Status101SwitchingProtocols;
        }

        if (status != StatusCodes.Status101SwitchingProtocols)
        {
            Record(new ConnectionAttempt(now, rawTarget, stationId, authorization, requested, clientCertificate, status, null));
            context.Response.StatusCode = status;
            return;
        }

        // Part 4 §3.3: the CSMS picks one of the offered versions, the station's preference first.
        var selected = requested.FirstOrDefault(p => _options.SupportedSubprotocols.Contains(p, StringComparer.Ordinal));
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = selected, KeepAliveInterval = TimeSpan.Zero });
        var session = new CsmsSession(this, socket, stationId, selected, _options.TimeProvider);
        Record(new ConnectionAttempt(now, rawTarget, stationId, authorization, requested, clientCertificate, status, selected));
        if (selected is null)
        {
            // "...complete the handshake without a Sec-WebSocket-Protocol header and then immediately close."
            await session.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.ProtocolError, "no supported subprotocol");
            return;
        }

        _sessions.Enqueue(session);
        SignalChanged();

        await session.RunAsync(context.RequestAborted);
    }

    private bool TryTakeRefusal()
    {
        while (true)
        {
            var current = Volatile.Read(ref _refuseCount);
            if (current <= 0)
            {
                return false;
            }

            var next = current == int.MaxValue ? current : current - 1;
            if (Interlocked.CompareExchange(ref _refuseCount, next, current) == current)
            {
                return true;
            }
        }
    }
}
