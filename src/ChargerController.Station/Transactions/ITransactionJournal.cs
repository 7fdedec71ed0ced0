namespace ChargerController.Station.Transactions;

/// <summary>
/// Durable store of open transactions (house rule 14). Storage implements it in SQLite with <c>synchronous=FULL</c>;
/// every call returns only once the change survives a power cut.
/// </summary>
public interface ITransactionJournal
{
    /// <summary>Loads the transactions that were open when the station stopped.</summary>
    /// <returns>The records, by EVSE.</returns>
    IReadOnlyList<TransactionRecord> LoadOpen();

    /// <summary>Inserts or replaces a record.</summary>
    /// <param name="record">The record.</param>
    void Save(TransactionRecord record);

    /// <summary>Removes a transaction once its Ended event is queued.</summary>
    /// <param name="transactionId">The transaction.</param>
    void Remove(string transactionId);
}
