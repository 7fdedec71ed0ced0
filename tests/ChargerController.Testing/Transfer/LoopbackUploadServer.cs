using System.Collections.Concurrent;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChargerController.Testing.Transfer;

/// <summary>
/// A file server test double for log/firmware transfer: real Kestrel on 127.0.0.1 (HTTP, or HTTPS with a test
/// certificate), records every request with its body, answers with a scripted status, and can hold requests until
/// released (to test cancelling an upload in flight).
/// </summary>
public sealed class LoopbackUploadServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedUpload> _received = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _hold;
    private volatile int _status = StatusCodes.Status200OK;
    private volatile string? _location;
    private int _started;

    private LoopbackUploadServer(WebApplication app) => _app = app;

    /// <summary>Gets the base URL ("http://127.0.0.1:port/" or "https://localhost:port/").</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Gets the completed requests (body fully read), oldest first.</summary>
    public IReadOnlyList<ReceivedUpload> Received => _received.ToArray();

    /// <summary>Gets how many requests have started (headers seen), held ones included.</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Starts the server.</summary>
    /// <param name="certificate">TLS server certificate; null = plain HTTP.</param>
    /// <returns>The running server.</returns>
    public static async Task<LoopbackUploadServer> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(https =>
                    {
                        https.ServerCertificate = certificate;
                        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    });
                }
            });
        });
        var app = builder.Build();
        var server = new LoopbackUploadServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        server.BaseUrl = new Uri(certificate is null ? $"http://127.0.0.1:{port}/" : $"https://localhost:{port}/");
        return server;
    }

    /// <summary>Answers every following request with this status (and a Location header when given).</summary>
    /// <param name="status">HTTP status.</param>
    /// <param name="location">Location header (redirects).</param>
    public void RespondWith(int status, string? location = null)
    {
        _location = location;
        _status = status;
    }

    /// <summary>Makes following requests wait (after reading their headers) until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held requests (and all later ones) through.</summary>
    public void Release()
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    /// <summary>Waits until <paramref name="condition"/> holds (real-time bound).</summary>
    /// <param name="condition">The condition over the server state.</param>
    /// <param name="timeout">Limit; default 10 s.</param>
    /// <returns>A task.</returns>
    public async Task WaitUntilAsync(Func<LoopbackUploadServer, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        using var cts = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Upload server condition not met within {limit}.");
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _started);
        Signal();
        Task? hold;
        lock (_gate)
        {
            hold = _hold?.Task;
        }

        try
        {
            if (hold is not null)
            {
                await hold.WaitAsync(context.RequestAborted);
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
            _received.Enqueue(new ReceivedUpload(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body.ToArray()));
            context.Response.StatusCode = _status;
            if (_location is { } location)
            {
                context.Response.Headers.Location = location;
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away (a cancelled upload).
        }
        finally
        {
            Signal();
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
