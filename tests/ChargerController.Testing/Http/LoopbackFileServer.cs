using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChargerController.Testing.Http;

/// <summary>
/// A tiny HTTP/1.1 file server on 127.0.0.1 for firmware and log transfer tests: serves byte arrays by path, answers 404
/// for anything else, can cut a body short of its Content-Length (truncated download) and counts the requests per path.
/// A TcpListener rather than Kestrel so a test controls the bytes on the wire exactly.
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (byte[] Body, int? CutAt)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Task _accepting;
    private TaskCompletionSource? _hold;

    private LoopbackFileServer(TcpListener listener)
    {
        _listener = listener;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Gets the base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <returns>The server.</returns>
    public static LoopbackFileServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new LoopbackFileServer(listener);
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/>.</summary>
    /// <param name="path">Path starting with '/'.</param>
    /// <param name="body">The bytes.</param>
    /// <param name="cutAt">When set, only this many bytes are sent before the connection closes (Content-Length stays the full size).</param>
    /// <returns>The absolute URL.</returns>
    public Uri Serve(string path, byte[] body, int? cutAt = null)
    {
        _files[path] = (body, cutAt);
        return new Uri(BaseAddress, path);
    }

    /// <summary>From now on, answers send their headers and then wait for <see cref="Release"/> before the body (a download in progress).</summary>
    public void Hold() => Volatile.Write(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Lets held answers send their bodies; later ones are no longer held.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    /// <summary>Gets how many GET requests arrived for a path.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The count.</returns>
    public int RequestCount(string path) => _requests.GetValueOrDefault(path);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                var parts = head.Split("\r\n")[0].Split(' ');
                var path = parts.Length > 1 ? parts[1] : "/";
                // Looked up before counted: a test that waits for the count knows which answer the request got.
                var found = _files.TryGetValue(path, out var file);
                _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
                if (!found)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), _stop.Token);
                    return;
                }

                var header = $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {file.Body.Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
                if (Volatile.Read(ref _hold) is { } hold)
                {
                    await stream.FlushAsync(_stop.Token);
                    await hold.Task.WaitAsync(_stop.Token);
                }

                await stream.WriteAsync(file.Body.AsMemory(0, Math.Min(file.Body.Length, file.CutAt ?? file.Body.Length)), _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away; nothing to serve.
            }
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), _stop.Token);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (Encoding.ASCII.GetString(buffer, 0, total).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(buffer, 0, total);
    }
}
