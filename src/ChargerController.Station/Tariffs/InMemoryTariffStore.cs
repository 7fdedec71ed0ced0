using System.Collections.Concurrent;

namespace ChargerController.Station.Tariffs;

/// <summary>A tariff store in memory (tests, and a station without storage: tariffs are lost on restart).</summary>
public sealed class InMemoryTariffStore : ITariffStore
{
    private readonly ConcurrentDictionary<string, StoredTransactionTariff> _transactions = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<StoredDefaultTariff> _defaults = [];

    /// <inheritdoc/>
    public IReadOnlyList<StoredDefaultTariff> LoadDefaults() => _defaults;

    /// <inheritdoc/>
    public void SaveDefaults(IReadOnlyList<StoredDefaultTariff> tariffs) => _defaults = [.. tariffs];

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransactionTariff> LoadTransactions() => [.. _transactions.Values];

    /// <inheritdoc/>
    public void SaveTransaction(StoredTransactionTariff row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _transactions[row.TransactionId] = row;
    }

    /// <inheritdoc/>
    public void RemoveTransaction(string transactionId) => _transactions.TryRemove(transactionId, out _);
}
