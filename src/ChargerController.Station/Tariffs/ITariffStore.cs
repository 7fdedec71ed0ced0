namespace ChargerController.Station.Tariffs;

/// <summary>Durable storage of the tariff block: default tariffs (I07.FR.13) and the tariff of running transactions.</summary>
public interface ITariffStore
{
    /// <summary>Loads the default tariffs.</summary>
    /// <returns>The rows.</returns>
    IReadOnlyList<StoredDefaultTariff> LoadDefaults();

    /// <summary>Replaces all default tariffs.</summary>
    /// <param name="tariffs">The rows.</param>
    void SaveDefaults(IReadOnlyList<StoredDefaultTariff> tariffs);

    /// <summary>Loads the running transactions' tariffs.</summary>
    /// <returns>The rows.</returns>
    IReadOnlyList<StoredTransactionTariff> LoadTransactions();

    /// <summary>Inserts or replaces a transaction's row.</summary>
    /// <param name="row">The row.</param>
    void SaveTransaction(StoredTransactionTariff row);

    /// <summary>Removes a transaction's row.</summary>
    /// <param name="transactionId">The transaction.</param>
    void RemoveTransaction(string transactionId);
}
