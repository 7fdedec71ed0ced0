namespace ChargerController.Station.Provisioning;

/// <summary>
/// Resets one EVSE without rebooting the station (B11.FR.08, B12.FR.07/08): drive it to the safe state and start its
/// loop afresh. Optional: without it the station does not support resetting an individual EVSE, reports
/// <c>EVSE.AllowReset</c> false and answers such a Reset <c>Rejected</c> (B11.FR.09/10).
/// </summary>
public interface IEvseResetPort
{
    /// <summary>Resets an EVSE; its transaction (if any) has been ended before.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing when the EVSE is back in service.</returns>
    ValueTask ResetEvseAsync(int evseId, CancellationToken cancellationToken);
}
