using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning;

/// <summary>
/// Turns device-model variables into NotifyReport parts (B07/B08): <c>seqNo</c> from 0, <c>tbc</c> on all but the last,
/// at most <c>ItemsPerMessage[GetReport]</c> items and <c>BytesPerMessage[GetReport]</c> bytes each.
/// </summary>
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

    /// <summary>Splits report data into NotifyReport requests by item count only.</summary>
    /// <param name="requestId">The requestId of GetBaseReport/GetReport.</param>
    /// <param name="generatedAt">Generation time.</param>
    /// <param name="data">All report data.</param>
    /// <param name="itemsPerMessage">Items per part (≥ 1).</param>
    /// <returns>The parts in order.</returns>
    public static IReadOnlyList<NotifyReportRequest> Split(int requestId, DateTimeOffset generatedAt, IReadOnlyList<ReportDataType> data, int itemsPerMessage) =>
        Split(requestId, generatedAt, data, itemsPerMessage, int.MaxValue);

    /// <summary>
    /// Splits report data into NotifyReport requests holding at most <paramref name="itemsPerMessage"/> items and, counted as
    /// whole frames (<see cref="MessageSize"/>), at most <paramref name="bytesPerMessage"/> bytes. An item too large for a
    /// part of its own still goes alone in one part: leaving it out would make the report silently incomplete.
    /// </summary>
    /// <param name="requestId">The requestId of GetBaseReport/GetReport.</param>
    /// <param name="generatedAt">Generation time.</param>
    /// <param name="data">All report data.</param>
    /// <param name="itemsPerMessage">Items per part (≥ 1).</param>
    /// <param name="bytesPerMessage">Bytes per frame.</param>
    /// <returns>The parts in order.</returns>
    public static IReadOnlyList<NotifyReportRequest> Split(int requestId, DateTimeOffset generatedAt, IReadOnlyList<ReportDataType> data, int itemsPerMessage, int bytesPerMessage)
    {
        ArgumentNullException.ThrowIfNull(data);
        itemsPerMessage = Math.Max(1, itemsPerMessage);

        // The last part has no tbc, the others "tbc":true; seqNo grows with the count, so size the envelope for the worst case.
        var envelope = MessageSize.Of(Part(requestId, generatedAt, int.MaxValue, true, []), OcppJsonContext.Default.NotifyReportRequest);
        var chunks = new List<List<ReportDataType>>();
        var current = new List<ReportDataType>();
        var size = envelope;
        foreach (var item in data)
        {
            // One item costs its own JSON plus a separating comma.
            var itemBytes = MessageSize.Of(Part(requestId, generatedAt, 0, null, [item]), OcppJsonContext.Default.NotifyReportRequest)
                - MessageSize.Of(Part(requestId, generatedAt, 0, null, []), OcppJsonContext.Default.NotifyReportRequest) + 1;
            if (current.Count > 0 && (current.Count >= itemsPerMessage || (long)size + itemBytes > bytesPerMessage))
            {
                chunks.Add(current);
                current = [];
                size = envelope;
            }

            current.Add(item);
            size += itemBytes;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        var parts = new List<NotifyReportRequest>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            parts.Add(Part(requestId, generatedAt, i, i < chunks.Count - 1 ? true : null, [.. chunks[i]]));
        }

        return parts;
    }

    /// <summary>Formats a decimal for a report value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Invariant text.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static NotifyReportRequest Part(int requestId, DateTimeOffset generatedAt, int seqNo, bool? tbc, ReportDataType[] data) => new()
    {
        RequestId = requestId,
        GeneratedAt = generatedAt,
        SeqNo = seqNo,
        Tbc = tbc,
        ReportData = data,
    };
}
