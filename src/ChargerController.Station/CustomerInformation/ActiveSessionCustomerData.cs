using System.Globalization;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.CustomerInformation;

/// <summary>
/// The customer data the station holds today: the charging sessions currently authorized by the customer's idToken
/// (in memory only). Reported on request; never cleared, because the running transaction still needs its token for
/// the TransactionEvent Ended record (billing) — the session data disappears when the session ends.
/// </summary>
public sealed class ActiveSessionCustomerData : ICustomerDataSource
{
    private readonly SessionCoordinator _sessions;

    /// <summary>Initializes a new instance of the <see cref="ActiveSessionCustomerData"/> class.</summary>
    /// <param name="sessions">The session coordinator.</param>
    public ActiveSessionCustomerData(SessionCoordinator sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _sessions = sessions;
    }

    /// <inheritdoc/>
    public string Name => "Session";

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<string>> ReportAsync(CustomerReference customer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Describe(customer, kept: false));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<string>> ClearAsync(CustomerReference customer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Describe(customer, kept: true));

    private IReadOnlyList<string> Describe(CustomerReference customer, bool kept)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return [.. _sessions.EvseIds
            .Select(_sessions.SessionOf)
            .Where(s => s is not null && customer.IsToken(s.IdToken))
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"EVSE {s!.EvseId}, transaction {s.TransactionId}, authorized {s.StartedAt:O} by {s.Origin}{(kept ? " (kept until the transaction ends)" : string.Empty)}"))];
    }
}
