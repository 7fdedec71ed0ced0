using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning;

/// <summary>
/// Answers SetVariables (B05): one result per item, each stored durably before the answer; once the answer went out,
/// <see cref="StationDeviceModel.ChangeAnswered"/> fires for each accepted item.
/// </summary>
public sealed class SetVariablesHandler : IOcppRequestHandler<SetVariablesRequest, SetVariablesResponse>, IOcppAfterResponse<SetVariablesRequest, SetVariablesResponse>
{
    private readonly StationDeviceModel _model;

    /// <summary>Initializes a new instance of the <see cref="SetVariablesHandler"/> class.</summary>
    /// <param name="model">Device model.</param>
    public SetVariablesHandler(StationDeviceModel model) => _model = model;

    /// <inheritdoc/>
    public ValueTask<SetVariablesResponse> HandleAsync(SetVariablesRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = _model.GetInt(DeviceModelCatalog.DeviceDataCtrlr, "ItemsPerMessage", int.MaxValue, "SetVariables");
        if (request.SetVariableData.Length > limit)
        {
            throw new OcppCallErrorException(RpcErrorCode.OccurrenceConstraintViolation, $"At most {limit} items per SetVariables.");
        }

        var bytes = _model.GetInt(DeviceModelCatalog.DeviceDataCtrlr, "BytesPerMessage", int.MaxValue, "SetVariables");
        if (MessageSize.Of(request, OcppJsonContext.Default.SetVariablesRequest) > bytes)
        {
            // Same rule as B06.FR.17 for GetVariables: a request longer than BytesPerMessage[SetVariables] is a FormatViolation.
            throw new OcppCallErrorException(RpcErrorCode.FormatViolation, $"At most {bytes} bytes per SetVariables.");
        }

        var results = request.SetVariableData.Select(Set).ToArray();
        return ValueTask.FromResult(new SetVariablesResponse { SetVariableResult = results });
    }

    /// <inheritdoc/>
    public ValueTask AfterResponseAsync(SetVariablesRequest request, SetVariablesResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        for (var i = 0; i < Math.Min(request.SetVariableData.Length, response.SetVariableResult.Length); i++)
        {
            if (response.SetVariableResult[i].AttributeStatus is SetVariableStatusEnumType.Accepted or SetVariableStatusEnumType.RebootRequired)
            {
                var item = request.SetVariableData[i];
                _model.NotifyAnswered(GetVariablesHandler.KeyOf(item.Component, item.Variable), item.AttributeValue);
            }
        }

        return ValueTask.CompletedTask;
    }

    private SetVariableResultType Set(SetVariableDataType item)
    {
        var status = _model.TrySetWithRejection(GetVariablesHandler.KeyOf(item.Component, item.Variable), item.AttributeType, item.AttributeValue, out var rejection);
        return new SetVariableResultType
        {
            Component = item.Component,
            Variable = item.Variable,
            AttributeType = item.AttributeType,
            AttributeStatus = status,
            AttributeStatusInfo = rejection is null ? null : new StatusInfoType { ReasonCode = rejection.ReasonCode, AdditionalInfo = rejection.AdditionalInfo is { Length: > 1024 } info ? info[..1024] : rejection.AdditionalInfo },
        };
    }
}
