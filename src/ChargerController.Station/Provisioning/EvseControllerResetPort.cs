using ChargerController.Station.Evse;

namespace ChargerController.Station.Provisioning;

/// <summary>
/// Resets one EVSE through its control loop (<see cref="EvseController.ResetAsync"/>): the other EVSEs and the CSMS
/// connection are not touched. Any session still held for the EVSE (authorized, no transaction yet) ends first, so the
/// EVSE comes back waiting for a new authorization.
/// </summary>
public sealed class EvseControllerResetPort : IEvseResetPort
{
    /// <summary>How long a reset may take before the caller stops waiting (state F 300 ms plus a few loop periods).</summary>
    private static readonly TimeSpan ResetTimeout = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<EvseController> _evses;
    private readonly Action<int>? _endSession;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="EvseControllerResetPort"/> class.</summary>
    /// <param name="evses">The EVSE controllers.</param>
    /// <param name="time">Clock for the wait bound.</param>
    /// <param name="endSession">Ends the session layer's session on an EVSE (evseId); null when there is none.</param>
    public EvseControllerResetPort(IReadOnlyList<EvseController> evses, TimeProvider time, Action<int>? endSession = null)
    {
        ArgumentNullException.ThrowIfNull(evses);
        ArgumentNullException.ThrowIfNull(time);
        _evses = evses;
        _time = time;
        _endSession = endSession;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">No EVSE has that id.</exception>
    /// <exception cref="TimeoutException">The EVSE's loop did not complete the reset in time (it is not running).</exception>
    public ValueTask ResetEvseAsync(int evseId, CancellationToken cancellationToken)
    {
        var evse = _evses.FirstOrDefault(e => e.EvseId == evseId)
            ?? throw new ArgumentOutOfRangeException(nameof(evseId), evseId, "No such EVSE.");
        _endSession?.Invoke(evseId);
        return new ValueTask(evse.ResetAsync(cancellationToken).WaitAsync(ResetTimeout, _time, cancellationToken));
    }
}
