using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning;

/// <summary>Answers GetReport (B08) with componentCriteria and componentVariable filters, then sends NotifyReport parts.</summary>
public sealed class GetReportHandler : IOcppRequestHandler<GetReportRequest, GetReportResponse>, IOcppAfterResponse<GetReportRequest, GetReportResponse>
{
    private readonly DeviceModelReporter _reporter;

    /// <summary>Initializes a new instance of the <see cref="GetReportHandler"/> class.</summary>
    /// <param name="reporter">Report sender.</param>
    public GetReportHandler(DeviceModelReporter reporter) => _reporter = reporter;

    /// <inheritdoc/>
    public ValueTask<GetReportResponse> HandleAsync(GetReportRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        var status = Select(request).Count == 0 ? GenericDeviceModelStatusEnumType.EmptyResultSet : GenericDeviceModelStatusEnumType.Accepted;
        return ValueTask.FromResult(new GetReportResponse { Status = status });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(GetReportRequest request, GetReportResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == GenericDeviceModelStatusEnumType.Accepted)
        {
            await _reporter.SendAsync(request.RequestId, Select(request), withCharacteristics: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool Matches(ComponentVariableType filter, VariableKey key)
    {
        var c = filter.Component;
        if (!string.Equals(c.Name, key.Component, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // B08.FR.20-25: an absent instance, evse, connector or variable selects all of them.
        if (c.Instance is not null && !string.Equals(c.Instance, key.ComponentInstance, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (c.Evse is { } evse && (evse.Id != key.EvseId || (evse.ConnectorId is { } connector && connector != key.ConnectorId)))
        {
            return false;
        }

        if (filter.Variable is not { } variable)
        {
            return true;
        }

        return string.Equals(variable.Name, key.Variable, StringComparison.OrdinalIgnoreCase)
            && (variable.Instance is null || string.Equals(variable.Instance, key.VariableInstance, StringComparison.OrdinalIgnoreCase));
    }

    private List<VariableDefinition> Select(GetReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = _reporter.Model;
        IEnumerable<VariableDefinition> selected = model.Definitions;
        if (request.ComponentVariable is { Length: > 0 } filters)
        {
            selected = selected.Where(d => filters.Any(f => Matches(f, d.Key)));
        }

        if (request.ComponentCriteria is { Length: > 0 } criteria)
        {
            selected = selected.Where(d => criteria.Any(c => CriterionHolds(model, d.Key, c)));
        }

        return [.. selected];
    }

    private static bool CriterionHolds(StationDeviceModel model, VariableKey key, ComponentCriterionEnumType criterion)
    {
        // B08.FR.07-13: Active/Available/Enabled match when true or absent; Problem only when true.
        var variable = criterion.ToString();
        var value = model.GetValue(key with { Variable = variable, VariableInstance = null });
        return criterion == ComponentCriterionEnumType.Problem ? value == "true" : value is null or "true";
    }
}
