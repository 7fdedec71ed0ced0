using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.SmartCharging.Profiles;

namespace ChargerController.Station.SmartCharging.Handlers;

/// <summary>ClearChargingProfile (K10): by id (K10.FR.03) or by criteria (K10.FR.04); nothing cleared → Unknown (K10.FR.01/08/09).</summary>
public sealed class ClearChargingProfileHandler : IOcppRequestHandler<ClearChargingProfileRequest, ClearChargingProfileResponse>
{
    private readonly ChargingProfileSet _profiles;

    /// <summary>Initializes a new instance of the <see cref="ClearChargingProfileHandler"/> class.</summary>
    /// <param name="profiles">Installed profiles.</param>
    public ClearChargingProfileHandler(ChargingProfileSet profiles) => _profiles = profiles;

    /// <inheritdoc/>
    public ValueTask<ClearChargingProfileResponse> HandleAsync(ClearChargingProfileRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<InstalledChargingProfile> removed;
        if (request.ChargingProfileId is { } id)
        {
            removed = _profiles.Remove(p => p.Id == id && ChargingProfileCriteria.Clearable(p));
        }
        else if (request.ChargingProfileCriteria is { } criteria)
        {
            removed = _profiles.Remove(p => ChargingProfileCriteria.Clearable(p) && ChargingProfileCriteria.Matches(p, criteria));
        }
        else
        {
            // K10.FR.02 asks for an id or criteria; an empty request clears every profile the CSMS may clear.
            removed = _profiles.Remove(ChargingProfileCriteria.Clearable);
        }

        return ValueTask.FromResult(new ClearChargingProfileResponse
        {
            Status = removed.Count > 0 ? ClearChargingProfileStatusEnumType.Accepted : ClearChargingProfileStatusEnumType.Unknown,
        });
    }
}
