using System.Security.Cryptography;
using System.Text;

namespace ChargerController.Simulator.Csms;

/// <summary>
/// The server side of the WebSocket opening handshake (RFC 6455 §4.2) for the development CSMS: parse the HTTP/1.1
/// upgrade request, pick the OCPP subprotocol (Part 4 §3.3: the station's most preferred one we support) and build the
/// <c>101 Switching Protocols</c> answer. Pure functions, so the handshake is testable without a socket.
/// </summary>
public static class WebSocketUpgrade
{
    /// <summary>Largest request head accepted; an OCPP upgrade request is a few hundred bytes.</summary>
    public const int MaxRequestBytes = 8 * 1024;

    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>Parses a request head (everything before the empty line).</summary>
    /// <param name="head">The request line and headers.</param>
    /// <param name="pathPrefix">Endpoint path the station id is appended to, e.g. <c>/ocpp</c>.</param>
    /// <returns>The parsed request, or an error and the HTTP status to answer.</returns>
    public static UpgradeRequest Parse(string head, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(pathPrefix);
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[0] != "GET" || !requestLine[2].StartsWith("HTTP/1.1", StringComparison.Ordinal))
        {
            return UpgradeRequest.Fail(400, "not an HTTP/1.1 GET request");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }
        }

        var target = requestLine[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? target[..query] : target;
        var prefix = pathPrefix.TrimEnd('/') + "/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Length == prefix.Length || path[prefix.Length..].Contains('/', StringComparison.Ordinal))
        {
            return UpgradeRequest.Fail(404, $"path '{path}' is not {prefix}<station id>");
        }

        if (!headers.TryGetValue("Upgrade", out var upgrade) || !upgrade.Contains("websocket", StringComparison.OrdinalIgnoreCase)
            || !headers.TryGetValue("Sec-WebSocket-Key", out var key) || string.IsNullOrWhiteSpace(key))
        {
            return UpgradeRequest.Fail(400, "not a WebSocket upgrade");
        }

        var offered = headers.TryGetValue("Sec-WebSocket-Protocol", out var protocols)
            ? protocols.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        headers.TryGetValue("Authorization", out var authorization);
        return new UpgradeRequest(null, 101, Uri.UnescapeDataString(path[prefix.Length..]), key, offered, authorization);
    }

    /// <summary>The first offered subprotocol the CSMS supports (the station lists its preference first), or null.</summary>
    /// <param name="offered">Offered by the station, in its order.</param>
    /// <param name="supported">Supported here.</param>
    /// <returns>The selection.</returns>
    public static string? Select(IEnumerable<string> offered, IReadOnlyCollection<string> supported) =>
        offered.FirstOrDefault(p => supported.Contains(p, StringComparer.Ordinal));

    /// <summary>Builds the 101 answer with <c>Sec-WebSocket-Accept</c> (RFC 6455 §4.2.2) and the selected subprotocol.</summary>
    /// <param name="key">The request's <c>Sec-WebSocket-Key</c>.</param>
    /// <param name="subprotocol">The selection, or null to answer without one (then the CSMS closes, Part 4 §3.3).</param>
    /// <returns>The response head including the empty line.</returns>
    public static string SwitchingProtocols(string key, string? subprotocol)
    {
        ArgumentNullException.ThrowIfNull(key);
#pragma warning disable CA5350 // RFC 6455 §4.2.2 fixes SHA-1 for Sec-WebSocket-Accept; it is a handshake token, not security.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.Trim() + AcceptGuid)));
#pragma warning restore CA5350
        var builder = new StringBuilder()
            .Append("HTTP/1.1 101 Switching Protocols\r\n")
            .Append("Upgrade: websocket\r\n")
            .Append("Connection: Upgrade\r\n")
            .Append("Sec-WebSocket-Accept: ").Append(accept).Append("\r\n");
        if (subprotocol is not null)
        {
            builder.Append("Sec-WebSocket-Protocol: ").Append(subprotocol).Append("\r\n");
        }

        return builder.Append("\r\n").ToString();
    }

    /// <summary>Builds a refusal.</summary>
    /// <param name="status">HTTP status.</param>
    /// <param name="reason">Reason phrase and body.</param>
    /// <returns>The response.</returns>
    public static string Refusal(int status, string reason) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(status == 404 ? "Not Found" : "Bad Request")}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.UTF8.GetByteCount(reason)}\r\n\r\n{reason}");
}
