namespace ChargerController.Station.Runtime;

/// <summary>A station without a transaction layer: never has a running transaction.</summary>
public sealed class NoStationTransactions : IStationTransactions
{
    /// <inheritdoc/>
    public event EventHandler<int>? TransactionStarted
    {
        add { }
        remove { }
    }

    /// <inheritdoc/>
    public event EventHandler<int>? TransactionEnded
    {
        add { }
        remove { }
    }

    /// <inheritdoc/>
    public bool HasActiveTransaction(int? evseId) => false;

    /// <inheritdoc/>
    public string? GetTransactionId(int evseId) => null;

    /// <inheritdoc/>
    public ValueTask EndAllAsync(string stoppedReason, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
