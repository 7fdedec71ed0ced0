namespace ChargerController.Simulator.Csms;

/// <summary>A parsed WebSocket upgrade request (or why it was refused).</summary>
/// <param name="Error">Why it is refused, or <see langword="null"/> when it is a valid upgrade.</param>
/// <param name="Status">HTTP status to answer: 101 when valid, else 400/404.</param>
/// <param name="StationId">The charging station identity from the last path segment (percent-decoded).</param>
/// <param name="Key">The <c>Sec-WebSocket-Key</c>.</param>
/// <param name="OfferedSubprotocols">The offered subprotocols in the station's order of preference.</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
public sealed record UpgradeRequest(string? Error, int Status, string StationId, string Key, IReadOnlyList<string> OfferedSubprotocols, string? Authorization)
{
    /// <summary>A refused request.</summary>
    /// <param name="status">HTTP status.</param>
    /// <param name="error">Why.</param>
    /// <returns>The request.</returns>
    public static UpgradeRequest Fail(int status, string error) => new(error, status, string.Empty, string.Empty, [], null);
}
