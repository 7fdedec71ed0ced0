using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning;

/// <summary>Answers GetVariables (B06) from the device model.</summary>
public sealed class GetVariablesHandler : IOcppRequestHandler<GetVariablesRequest, GetVariablesResponse>
{
    private readonly StationDeviceModel _model;

    /// <summary>Initializes a new instance of the <see cref="GetVariablesHandler"/> class.</summary>
    /// <param name="model">Device model.</param>
    public GetVariablesHandler(StationDeviceModel model) => _model = model;

    /// <summary>Converts an OCPP component/variable pair to a key.</summary>
    /// <param name="component">Component.</param>
    /// <param name="variable">Variable.</param>
    /// <returns>The key.</returns>
    public static VariableKey KeyOf(ComponentType component, VariableType variable)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(variable);
        return new(component.Name, component.Instance, component.Evse?.Id, component.Evse?.ConnectorId, variable.Name, variable.Instance);
    }

    /// <inheritdoc/>
    public ValueTask<GetVariablesResponse> HandleAsync(GetVariablesRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = _model.GetInt(DeviceModelCatalog.DeviceDataCtrlr, "ItemsPerMessage", int.MaxValue, "GetVariables");
        if (request.GetVariableData.Length > limit)
        {
            // B06.FR.16: more items than ItemsPerMessage[GetVariables] may be refused with a CALLERROR.
            throw new OcppCallErrorException(RpcErrorCode.OccurrenceConstraintViolation, $"At most {limit} items per GetVariables.");
        }

        var bytes = _model.GetInt(DeviceModelCatalog.DeviceDataCtrlr, "BytesPerMessage", int.MaxValue, "GetVariables");
        if (MessageSize.Of(request, OcppJsonContext.Default.GetVariablesRequest) > bytes)
        {
            // B06.FR.17: a request longer than BytesPerMessage[GetVariables] may be refused with a FormatViolation.
            throw new OcppCallErrorException(RpcErrorCode.FormatViolation, $"At most {bytes} bytes per GetVariables.");
        }

        var results = request.GetVariableData.Select(Get).ToArray();
        return ValueTask.FromResult(new GetVariablesResponse { GetVariableResult = results });
    }

    private GetVariableResultType Get(GetVariableDataType item)
    {
        var result = new GetVariableResultType { Component = item.Component, Variable = item.Variable, AttributeType = item.AttributeType };
        switch (_model.Find(KeyOf(item.Component, item.Variable), out var definition))
        {
            case VariableLookup.UnknownComponent:
                result.AttributeStatus = GetVariableStatusEnumType.UnknownComponent;
                return result;
            case VariableLookup.UnknownVariable:
                result.AttributeStatus = GetVariableStatusEnumType.UnknownVariable;
                return result;
        }

        if ((item.AttributeType ?? AttributeEnumType.Actual) != AttributeEnumType.Actual)
        {
            result.AttributeStatus = GetVariableStatusEnumType.NotSupportedAttributeType;
            return result;
        }

        if (definition!.Mutability == MutabilityEnumType.WriteOnly || definition.Secret)
        {
            // B06.FR.09: WriteOnly values are never revealed.
            result.AttributeStatus = GetVariableStatusEnumType.Rejected;
            return result;
        }

        result.AttributeStatus = GetVariableStatusEnumType.Accepted;
        result.AttributeValue = _model.GetValue(definition.Key) ?? string.Empty;
        return result;
    }
}
