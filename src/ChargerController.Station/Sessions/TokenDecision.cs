namespace ChargerController.Station.Sessions;

/// <summary>The answer of an <see cref="ITokenAuthorizer"/>.</summary>
/// <param name="Accepted">Whether the token may charge.</param>
/// <param name="Reason">Why not (OCPP AuthorizationStatusEnumType name, e.g. <c>Invalid</c>, <c>Blocked</c>), or <c>Accepted</c>.</param>
public sealed record TokenDecision(bool Accepted, string Reason)
{
    /// <summary>An accepted token.</summary>
    public static TokenDecision Accept { get; } = new(true, "Accepted");
}
