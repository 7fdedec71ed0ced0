using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;

namespace ChargerController.Station.Monitoring;

/// <summary>AdjustPeriodicEventStream (N14.FR.02/03).</summary>
public sealed class AdjustPeriodicEventStreamHandler : IOcppRequestHandler<AdjustPeriodicEventStreamRequest, AdjustPeriodicEventStreamResponse>
{
    private readonly PeriodicEventStreams _streams;

    /// <summary>Initializes a new instance of the <see cref="AdjustPeriodicEventStreamHandler"/> class.</summary>
    /// <param name="streams">Streams.</param>
    public AdjustPeriodicEventStreamHandler(PeriodicEventStreams streams) => _streams = streams;

    /// <inheritdoc/>
    public ValueTask<AdjustPeriodicEventStreamResponse> HandleAsync(AdjustPeriodicEventStreamRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = _streams.Adjust(request.Id, request.Params);
        return ValueTask.FromResult(new AdjustPeriodicEventStreamResponse
        {
            Status = status,
            StatusInfo = status == GenericStatusEnumType.Rejected ? new StatusInfoType { ReasonCode = "InvalidValue", AdditionalInfo = "Unknown stream or no interval/values" } : null,
        });
    }
}
