namespace ChargerController.Station.Control;

/// <summary>
/// What the OCPP side reports for <c>status</c>: the seam the CSMS connection implements
/// (<see cref="RuntimeOcppStatusSource"/>); <see cref="OfflineOcppStatusSource"/> says honestly that there is none.
/// </summary>
public interface IOcppStatusSource
{
    /// <summary>The current connection state (thread-safe, cheap).</summary>
    OcppStatus Current { get; }

    /// <summary>The current connection state including what needs a storage read (the queue depth).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state.</returns>
    ValueTask<OcppStatus> GetCurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current);
}
