using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.SmartCharging;

/// <summary>
/// The seam between the transaction block and smart charging for K05 / F01.FR.08-11: a RequestStartTransaction that
/// carries a chargingProfile (purpose TxProfile) has it installed for the transaction it starts.
/// </summary>
public interface IChargingProfileInstaller
{
    /// <summary>Validates a RequestStartTransaction profile (F01.FR.09: must be TxProfile, no transactionId).</summary>
    /// <param name="evseId">The EVSE it is for.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>Null when acceptable, else the reason (for statusInfo.reasonCode).</returns>
    string? Validate(int evseId, ChargingProfileType profile);

    /// <summary>Installs the profile for the transaction just started (its transactionId is set by the station).</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="transactionId">The new transaction's id.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing once stored.</returns>
    ValueTask InstallForTransactionAsync(int evseId, string transactionId, ChargingProfileType profile, CancellationToken cancellationToken);
}
