using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Rpc;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// SetVariableMonitoring (N04): one result per item in order (N04.FR.01/02); monitors are stored before the answer;
/// after it, replaced/new threshold monitors are evaluated (N07.FR.11) and periodic event streams opened or closed
/// (N11.FR.02, N13.FR.06).
/// </summary>
public sealed class SetVariableMonitoringHandler : IOcppRequestHandler<SetVariableMonitoringRequest, SetVariableMonitoringResponse>, IOcppAfterResponse<SetVariableMonitoringRequest, SetVariableMonitoringResponse>
{
    private readonly MonitoringEngine _engine;
    private readonly PeriodicEventStreams _streams;
    private readonly StationDeviceModel _model;

    /// <summary>Initializes a new instance of the <see cref="SetVariableMonitoringHandler"/> class.</summary>
    /// <param name="engine">Monitors.</param>
    /// <param name="streams">Event streams.</param>
    /// <param name="model">Device model.</param>
    public SetVariableMonitoringHandler(MonitoringEngine engine, PeriodicEventStreams streams, StationDeviceModel model)
    {
        _engine = engine;
        _streams = streams;
        _model = model;
    }

    /// <inheritdoc/>
    public ValueTask<SetVariableMonitoringResponse> HandleAsync(SetVariableMonitoringRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = _model.GetInt(DeviceModelCatalog.MonitoringCtrlr, "ItemsPerMessage", 20, "SetVariableMonitoring");
        if (request.SetMonitoringData.Length > limit)
        {
            throw new OcppCallErrorException(RpcErrorCode.OccurrenceConstraintViolation, $"At most {limit} setMonitoringData per request (ItemsPerMessageSetVariableMonitoring).");
        }

        var results = request.SetMonitoringData.Select(Apply).ToArray();
        return ValueTask.FromResult(new SetVariableMonitoringResponse { SetMonitoringResult = results });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(SetVariableMonitoringRequest request, SetVariableMonitoringResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        foreach (var result in response.SetMonitoringResult.Where(r => r.Status == SetMonitoringStatusEnumType.Accepted && r.Id is not null))
        {
            var id = result.Id!.Value;
            _engine.EvaluateNow(id);
            if (_engine.FindActive(id) is not { } monitor)
            {
                continue;
            }

            if (monitor.Stream is not null)
            {
                _ = await _streams.OpenAsync(monitor, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _streams.CloseAsync(id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static SetMonitoringResultType Result(SetMonitoringDataType data, SetMonitoringStatusEnumType status, int? id = null, string? reason = null) => new()
    {
        Id = id,
        Status = status,
        Type = data.Type,
        Severity = data.Severity,
        Component = data.Component,
        Variable = data.Variable,
        StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = status == SetMonitoringStatusEnumType.Duplicate ? "Duplicate" : "InvalidValue", AdditionalInfo = reason },
    };

    private SetMonitoringResultType Apply(SetMonitoringDataType data)
    {
        var key = MonitoringWire.KeyOf(data.Component, data.Variable);
        switch (_model.Find(key, out var definition))
        {
            case VariableLookup.UnknownComponent:
                return Result(data, SetMonitoringStatusEnumType.UnknownComponent);
            case VariableLookup.UnknownVariable:
                return Result(data, SetMonitoringStatusEnumType.UnknownVariable);
        }

        key = definition!.Key;
        if (data.Id is { } requested)
        {
            // N04.FR.13/16/18: an id must name an existing, non-hard-wired monitor of the same variable.
            if (_engine.FindActive(requested) is not { } existing)
            {
                return Result(data, SetMonitoringStatusEnumType.Rejected, reason: "No monitor with this id");
            }

            if (existing.Origin == MonitorOrigin.HardWired)
            {
                return Result(data, SetMonitoringStatusEnumType.Rejected, reason: "Hard-wired monitors cannot be changed");
            }

            if (!MonitoringWire.SameKey(existing.Key, key))
            {
                return Result(data, SetMonitoringStatusEnumType.Rejected, reason: "The monitor watches another component/variable");
            }
        }

        if (Check(data, definition) is { } problem)
        {
            return problem;
        }

        // N04.FR.10: one monitor per variable, type and severity.
        if (_engine.ActiveMonitors.Any(m => m.Id != data.Id && MonitoringWire.SameKey(m.Key, key) && m.Type == data.Type && m.Severity == data.Severity))
        {
            return Result(data, SetMonitoringStatusEnumType.Duplicate, reason: "Same type and severity already monitored");
        }

        var id = data.Id ?? _engine.NextCustomId();
        var stream = data.PeriodicEventStream is { } p && (p.Interval is > 0 || p.Values is > 0) ? new StreamParameters(p.Interval, p.Values) : null;

        // N04.FR.15: a replaced preconfigured monitor becomes a custom one.
        _engine.Install(new VariableMonitor(id, key, data.Type, data.Value, data.Severity, MonitorOrigin.Custom) { Transaction = data.Transaction ?? false, Stream = stream });
        return Result(data, SetMonitoringStatusEnumType.Accepted, id);
    }

    private SetMonitoringResultType? Check(SetMonitoringDataType data, VariableDefinition definition)
    {
        var numeric = definition.DataType is DataEnumType.Integer or DataEnumType.Decimal;
        if (data.Severity is < 0 or > 9)
        {
            return Result(data, SetMonitoringStatusEnumType.Rejected, reason: "Severity must be 0-9");
        }

        switch (data.Type)
        {
            case MonitorEnumType.UpperThreshold or MonitorEnumType.LowerThreshold:
                if (!numeric)
                {
                    return Result(data, SetMonitoringStatusEnumType.UnsupportedMonitorType);
                }

                // N04.FR.06: the threshold must lie within the variable's minLimit..maxLimit.
                if ((definition.MinLimit is { } min && data.Value < min) || (definition.MaxLimit is { } max && data.Value > max))
                {
                    return Result(data, SetMonitoringStatusEnumType.Rejected, reason: "Value outside minLimit..maxLimit");
                }

                break;
            case MonitorEnumType.Delta:
                if (data.Value < 0)
                {
                    return Result(data, SetMonitoringStatusEnumType.Rejected, reason: "Delta must not be negative");
                }

                break;
            case MonitorEnumType.Periodic or MonitorEnumType.PeriodicClockAligned:
                if (data.Value < 1 || data.Value > 86400 * 7)
                {
                    return Result(data, SetMonitoringStatusEnumType.Rejected, reason: "Period must be 1 s to 7 days");
                }

                break;
            case MonitorEnumType.TargetDelta or MonitorEnumType.TargetDeltaRelative:
                // N07.FR.22/23 need a Target attribute: only numeric variables another block publishes a target for.
                if (!numeric || !_engine.HasTarget(definition.Key))
                {
                    return Result(data, SetMonitoringStatusEnumType.UnsupportedMonitorType);
                }

                if (data.Value < 0)
                {
                    return Result(data, SetMonitoringStatusEnumType.Rejected, reason: "Delta must not be negative");
                }

                break;
        }

        return null;
    }
}
