using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.SmartCharging.Limits;

namespace ChargerController.Station.SmartCharging.Handlers;

/// <summary>GetCompositeSchedule (K08): from the moment of receipt for the requested duration (K08.FR.02), per EVSE or for the station (K08.FR.03).</summary>
public sealed class GetCompositeScheduleHandler : IOcppRequestHandler<GetCompositeScheduleRequest, GetCompositeScheduleResponse>
{
    private readonly CompositeScheduleService _composite;
    private readonly Func<ChargingRateUnitEnumType, bool> _unitSupported;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="GetCompositeScheduleHandler"/> class.</summary>
    /// <param name="composite">Composite computation.</param>
    /// <param name="unitSupported">Whether a unit is in SmartChargingCtrlr.RateUnit.</param>
    /// <param name="time">Clock.</param>
    public GetCompositeScheduleHandler(CompositeScheduleService composite, Func<ChargingRateUnitEnumType, bool> unitSupported, TimeProvider time)
    {
        _composite = composite;
        _unitSupported = unitSupported;
        _time = time;
    }

    /// <inheritdoc/>
    public ValueTask<GetCompositeScheduleResponse> HandleAsync(GetCompositeScheduleRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_composite.IsKnown(request.EvseId))
        {
            return Rejected("UnknownEvse", $"EVSE {request.EvseId} does not exist"); // K08.FR.05
        }

        var unit = request.ChargingRateUnit ?? ChargingRateUnitEnumType.A;
        if (!_unitSupported(unit))
        {
            return Rejected("UnsupportedRateUnit", unit + " is not in SmartChargingCtrlr.RateUnit"); // K08.FR.07
        }

        if (request.Duration <= 0)
        {
            return Rejected("InvalidValue", "duration must be positive");
        }

        var schedule = _composite.Compute(request.EvseId, _time.GetUtcNow(), TimeSpan.FromSeconds(request.Duration));
        return ValueTask.FromResult(new GetCompositeScheduleResponse { Status = GenericStatusEnumType.Accepted, Schedule = schedule.ToOcpp(unit) });
    }

    private static ValueTask<GetCompositeScheduleResponse> Rejected(string reason, string info) =>
        ValueTask.FromResult(new GetCompositeScheduleResponse { Status = GenericStatusEnumType.Rejected, StatusInfo = new() { ReasonCode = reason, AdditionalInfo = info } });
}
