namespace ChargerController.Testing.Transfer;

/// <summary>One request the <see cref="LoopbackUploadServer"/> received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path and query, as sent.</param>
/// <param name="Headers">Request headers (name → value, names lower case).</param>
/// <param name="Body">The raw body.</param>
public sealed record ReceivedUpload(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Gets a header value or null.</summary>
    /// <param name="name">Header name (any case).</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
