using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning;

/// <summary>Turns device-model variables into NotifyReport parts (B07/B08): <c>seqNo</c> from 0, <c>tbc</c> on all but the last, at most <c>ItemsPerMessage[GetReport]</c> items each.</summary>
public static class NotifyReportBuilder
{
    /// <summary>Builds the report data of one variable; WriteOnly values are left out (B07.FR.03).</summary>
    /// <param name="definition">The variable.</param>
    /// <param name="value">Its value.</param>
    /// <param name="withCharacteristics">Include characteristics (FullInventory, B07.FR.11).</param>
    /// <returns>The report data.</returns>
    public static ReportDataType ToReportData(VariableDefinition definition, string? value, bool withCharacteristics)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var key = definition.Key;
        var hidden = definition.Mutability == MutabilityEnumType.WriteOnly || definition.Secret;
        return new ReportDataType
        {
            Component = new ComponentType
            {
                Name = key.Component,
                Instance = key.ComponentInstance,
                Evse = key.EvseId is { } evse ? new EVSEType { Id = evse, ConnectorId = key.ConnectorId } : null,
            },
            Variable = new VariableType { Name = key.Variable, Instance = key.VariableInstance },
            VariableAttribute =
            [
                new VariableAttributeType
                {
                    Type = AttributeEnumType.Actual,
                    Value = hidden ? null : value,
                    Mutability = definition.Mutability,
                    Persistent = definition.Persistent,
                    Constant = definition.Constant,
                },
            ],
            VariableCharacteristics = withCharacteristics
                ? new VariableCharacteristicsType
                {
                    DataType = definition.DataType,
                    Unit = definition.Unit,
                    MinLimit = definition.MinLimit,
                    MaxLimit = definition.MaxLimit,
                    ValuesList = definition.ValuesList,
                    SupportsMonitoring = false,
                }
                : null,
        };
    }

    /// <summary>Splits report data into NotifyReport requests.</summary>
    /// <param name="requestId">The requestId of GetBaseReport/GetReport.</param>
    /// <param name="generatedAt">Generation time.</param>
    /// <param name="data">All report data.</param>
    /// <param name="itemsPerMessage">Items per part (≥ 1).</param>
    /// <returns>The parts in order.</returns>
    public static IReadOnlyList<NotifyReportRequest> Split(int requestId, DateTimeOffset generatedAt, IReadOnlyList<ReportDataType> data, int itemsPerMessage)
    {
        ArgumentNullException.ThrowIfNull(data);
        itemsPerMessage = Math.Max(1, itemsPerMessage);
        var chunks = data.Chunk(itemsPerMessage).ToArray();
        var parts = new List<NotifyReportRequest>(chunks.Length);
        for (var i = 0; i < chunks.Length; i++)
        {
            parts.Add(new NotifyReportRequest
            {
                RequestId = requestId,
                GeneratedAt = generatedAt,
                SeqNo = i,
                Tbc = i < chunks.Length - 1 ? true : null,
                ReportData = chunks[i],
            });
        }

        return parts;
    }

    /// <summary>Formats a decimal for a report value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Invariant text.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
