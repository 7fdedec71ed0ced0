using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.SmartCharging.Profiles;

namespace ChargerController.Station.SmartCharging.Handlers;

/// <summary>UpdateDynamicSchedule (K28): Accepted and applied at once for a Dynamic profile (K28.FR.11), else Rejected (K28.FR.06).</summary>
public sealed class UpdateDynamicScheduleHandler : IOcppRequestHandler<UpdateDynamicScheduleRequest, UpdateDynamicScheduleResponse>
{
    private readonly ChargingProfileSet _profiles;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="UpdateDynamicScheduleHandler"/> class.</summary>
    /// <param name="profiles">Installed profiles.</param>
    /// <param name="time">Clock.</param>
    public UpdateDynamicScheduleHandler(ChargingProfileSet profiles, TimeProvider time)
    {
        _profiles = profiles;
        _time = time;
    }

    /// <inheritdoc/>
    public ValueTask<UpdateDynamicScheduleResponse> HandleAsync(UpdateDynamicScheduleRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? reason = "InvalidSchedule";
        if (request.ScheduleUpdate is { } update && DynamicScheduleUpdates.TryApply(_profiles, request.ChargingProfileId, update, _time.GetUtcNow(), out reason))
        {
            return ValueTask.FromResult(new UpdateDynamicScheduleResponse { Status = ChargingProfileStatusEnumType.Accepted });
        }

        return ValueTask.FromResult(new UpdateDynamicScheduleResponse { Status = ChargingProfileStatusEnumType.Rejected, StatusInfo = new() { ReasonCode = reason ?? "InvalidSchedule" } });
    }
}
