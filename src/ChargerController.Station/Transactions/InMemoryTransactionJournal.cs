namespace ChargerController.Station.Transactions;

/// <summary>A volatile <see cref="ITransactionJournal"/> for stations without storage and for tests of a "reboot" within one process.</summary>
public sealed class InMemoryTransactionJournal : ITransactionJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TransactionRecord> _records = [];

    /// <inheritdoc/>
    public IReadOnlyList<TransactionRecord> LoadOpen()
    {
        lock (_gate)
        {
            return [.. _records.Values.OrderBy(r => r.EvseId)];
        }
    }

    /// <inheritdoc/>
    public void Save(TransactionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _records[record.TransactionId] = record;
        }
    }

    /// <inheritdoc/>
    public void Remove(string transactionId)
    {
        lock (_gate)
        {
            _records.Remove(transactionId);
        }
    }
}
