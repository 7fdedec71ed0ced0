using System.Collections.Concurrent;
using ChargerController.Station.CustomerInformation;

namespace ChargerController.Station.Tests.Conformance.CustomerInformation;

/// <summary>
/// A small store of records keyed by idToken implementing the customer-data port the way the authorization cache will
/// (the cache block is not built yet): report lists, clear deletes and lists what it deleted.
/// </summary>
public sealed class TokenRecordStore : ICustomerDataSource
{
    private readonly ConcurrentDictionary<string, string> _records = new(StringComparer.OrdinalIgnoreCase);

    public string Name => "AuthCache";

    public IReadOnlyCollection<string> Tokens => [.. _records.Keys];

    public void Add(string idToken, string record) => _records[idToken] = record;

    public ValueTask<IReadOnlyList<string>> ReportAsync(CustomerReference customer, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>(customer.IdToken is { } token && _records.TryGetValue(token, out var record) ? [record] : []);

    public ValueTask<IReadOnlyList<string>> ClearAsync(CustomerReference customer, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>(customer.IdToken is { } token && _records.TryRemove(token, out var record) ? [record] : []);
}
