using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChargerController.Control.Wire;

namespace ChargerController.Control.Client;

/// <summary>
/// Client side of the control socket: one JSON line out, one JSON line back per request.
/// A new connection per request keeps chargerctl stateless and lets chargerd restart between calls.
/// </summary>
public sealed class ControlClient
{
    private readonly string socketPath;

    /// <summary>Creates a client for the socket at <paramref name="socketPath"/>.</summary>
    /// <param name="socketPath">Path of the Unix domain socket (default <c>/run/chargercontroller/control.sock</c>).</param>
    public ControlClient(string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        this.socketPath = socketPath;
    }

    /// <summary>Sends one request and waits for its response.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ControlUnavailableException">chargerd is not listening, or the socket is not accessible.</exception>
    public async Task<ControlResponse> SendAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new ControlUnavailableException($"cannot connect to chargerd at {socketPath}: {ex.Message} (is the service running? are you in the charger group?)", ex);
        }

        var stream = new NetworkStream(socket, ownsSocket: false);
        await using var streamScope = stream.ConfigureAwait(false);
        var line = JsonSerializer.SerializeToUtf8Bytes(request, ControlJsonContext.Default.ControlRequest);
        await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var answer = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ControlUnavailableException($"chargerd closed the control socket {socketPath} without answering");
        return JsonSerializer.Deserialize(answer, ControlJsonContext.Default.ControlResponse)
            ?? throw new ControlUnavailableException("chargerd sent an empty answer");
    }
}
