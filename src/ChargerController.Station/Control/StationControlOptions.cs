namespace ChargerController.Station.Control;

/// <summary>Static facts <c>status</c> reports.</summary>
/// <param name="Simulated">Whether the hardware is simulated.</param>
/// <param name="Version">chargerd's version.</param>
public sealed record StationControlOptions(bool Simulated, string Version)
{
    /// <summary>How long <c>status</c> waits for a meter before reporting it unread. Default 1 s.</summary>
    public TimeSpan MeterReadTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>IdToken used by <c>evse start</c> without <c>--id-token</c>.</summary>
    public string DefaultRemoteIdToken { get; init; } = "CHARGERCTL";
}
