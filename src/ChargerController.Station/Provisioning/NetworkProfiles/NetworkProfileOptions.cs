using ChargerController.Ocpp.Transport;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>The network connection profile of the configuration file: configuration slot 0 until the CSMS sets another one.</summary>
public sealed class NetworkProfileOptions
{
    /// <summary>Gets the configured CSMS endpoint (without the station id).</summary>
    public required Uri CsmsUrl { get; init; }

    /// <summary>Gets the configured security profile.</summary>
    public required SecurityProfile SecurityProfile { get; init; }
}
