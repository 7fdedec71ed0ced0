namespace ChargerController.Ocpp.Transport;

/// <summary>WebSocket subprotocol names of Part 4 §3.1.2, Table 1.</summary>
public static class OcppSubprotocol
{
    /// <summary>OCPP 2.0.1.</summary>
    public const string V201 = "ocpp2.0.1";

    /// <summary>OCPP 2.1.</summary>
    public const string V21 = "ocpp2.1";

    /// <summary>The subprotocol name of a version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The name, e.g. <c>ocpp2.1</c>.</returns>
    public static string NameOf(OcppVersion version) => version == OcppVersion.V201 ? V201 : V21;

    /// <summary>Parses a subprotocol chosen by the server.</summary>
    /// <param name="name">The negotiated name.</param>
    /// <param name="version">The version when known.</param>
    /// <returns>Whether the name is one of ours.</returns>
    public static bool TryParse(string? name, out OcppVersion version)
    {
        switch (name)
        {
            case V21:
                version = OcppVersion.V21;
                return true;
            case V201:
                version = OcppVersion.V201;
                return true;
            default:
                version = default;
                return false;
        }
    }
}
