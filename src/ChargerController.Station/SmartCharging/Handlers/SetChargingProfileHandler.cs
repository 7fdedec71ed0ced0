using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.SmartCharging.Profiles;

namespace ChargerController.Station.SmartCharging.Handlers;

/// <summary>SetChargingProfile (K01): validate, then install (replacing the same id, K01.FR.05) and re-evaluate (K01.FR.07).</summary>
public sealed class SetChargingProfileHandler : IOcppRequestHandler<SetChargingProfileRequest, SetChargingProfileResponse>
{
    private readonly ChargingProfileValidator _validator;
    private readonly ChargingProfileSet _profiles;
    private readonly Func<SmartChargingSettings> _settings;
    private readonly TimeProvider _time;
    private readonly ProfileWriteRateLimiter? _rateLimiter;

    /// <summary>Initializes a new instance of the <see cref="SetChargingProfileHandler"/> class.</summary>
    /// <param name="validator">Validation.</param>
    /// <param name="profiles">Installed profiles.</param>
    /// <param name="settings">Reads the device-model settings.</param>
    /// <param name="time">Clock.</param>
    /// <param name="rateLimiter">Write rate limit for persistent purposes (K01.FR.56); null = none.</param>
    public SetChargingProfileHandler(ChargingProfileValidator validator, ChargingProfileSet profiles, Func<SmartChargingSettings> settings, TimeProvider time, ProfileWriteRateLimiter? rateLimiter = null)
    {
        _rateLimiter = rateLimiter;
        _validator = validator;
        _profiles = profiles;
        _settings = settings;
        _time = time;
    }

    /// <inheritdoc/>
    public ValueTask<SetChargingProfileResponse> HandleAsync(SetChargingProfileRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ChargingProfile is null)
        {
            return ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatusEnumType.Rejected, StatusInfo = new() { ReasonCode = "InvalidProfile" } });
        }

        if (_validator.Validate(request.EvseId, request.ChargingProfile, ProfileValidationMode.SetChargingProfile, _settings()) is { } rejection)
        {
            return ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatusEnumType.Rejected, StatusInfo = rejection });
        }

        // Only a profile that would be stored counts against the write budget.
        if (_rateLimiter?.TryAcquire(request.ChargingProfile.ChargingProfilePurpose) is { } limited)
        {
            return ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatusEnumType.Rejected, StatusInfo = limited });
        }

        var profile = LocalTime.LocalTimeProfiles.Normalize(request.ChargingProfile);
        if (profile.ChargingProfileKind == ChargingProfileKindEnumType.Dynamic)
        {
            profile = profile with { DynUpdateTime = profile.DynUpdateTime ?? _time.GetUtcNow() };
        }

        _profiles.Install(new InstalledChargingProfile(request.EvseId, profile, InstalledChargingProfile.CsoSource, _time.GetUtcNow()));
        return ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatusEnumType.Accepted });
    }
}
