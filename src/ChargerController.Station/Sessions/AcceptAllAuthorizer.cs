namespace ChargerController.Station.Sessions;

/// <summary>
/// Accepts every token: the behaviour until the authorization block exists (and what a private wallbox without a
/// local list wants). A station with no reader at all uses <see cref="SessionCoordinatorOptions.FreeVend"/> instead.
/// </summary>
public sealed class AcceptAllAuthorizer : ITokenAuthorizer
{
    /// <inheritdoc />
    public ValueTask<TokenDecision> AuthorizeAsync(string idToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idToken);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(TokenDecision.Accept);
    }
}
