namespace ChargerController.Station.Sessions;

/// <summary>What became of a card tap or remote start.</summary>
/// <param name="Session">The authorized session, or <see langword="null"/> when refused.</param>
/// <param name="Reason">Why it was refused (a technician's sentence), or a description of what happened.</param>
public sealed record SessionStartResult(ChargingSession? Session, string Reason)
{
    /// <summary>Whether a session was authorized.</summary>
    public bool Accepted => Session is not null;

    /// <summary>
    /// Gets a value indicating whether the token was authorized before an EV was plugged in while several EVSEs were free:
    /// no session exists yet, the first of them plugged in within the connection timeout gets it (E03, C01.FR.26).
    /// </summary>
    public bool AwaitingEv { get; init; }
}
