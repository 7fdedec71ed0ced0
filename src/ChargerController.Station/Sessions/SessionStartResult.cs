namespace ChargerController.Station.Sessions;

/// <summary>What became of a card tap or remote start.</summary>
/// <param name="Session">The authorized session, or <see langword="null"/> when refused.</param>
/// <param name="Reason">Why it was refused (a technician's sentence), or a description of what happened.</param>
public sealed record SessionStartResult(ChargingSession? Session, string Reason)
{
    /// <summary>Whether a session was authorized.</summary>
    public bool Accepted => Session is not null;
}
