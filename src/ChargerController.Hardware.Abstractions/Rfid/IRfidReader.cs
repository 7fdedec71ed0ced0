namespace ChargerController.Hardware.Abstractions.Rfid;

/// <summary>An RFID reader producing a stream of card reads.</summary>
public interface IRfidReader
{
    /// <summary>Yields each card presented until cancelled. Transient reader faults are retried inside; the stream ends only on cancellation.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The card reads, in order.</returns>
    IAsyncEnumerable<CardRead> ReadCardsAsync(CancellationToken cancellationToken);
}
