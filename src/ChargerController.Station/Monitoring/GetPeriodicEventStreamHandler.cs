using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.Diagnostics;

namespace ChargerController.Station.Monitoring;

/// <summary>GetPeriodicEventStream (N12.FR.01): the constant data of every open stream.</summary>
public sealed class GetPeriodicEventStreamHandler : IOcppRequestHandler<GetPeriodicEventStreamRequest, GetPeriodicEventStreamResponse>
{
    private readonly PeriodicEventStreams _streams;

    /// <summary>Initializes a new instance of the <see cref="GetPeriodicEventStreamHandler"/> class.</summary>
    /// <param name="streams">Streams.</param>
    public GetPeriodicEventStreamHandler(PeriodicEventStreams streams) => _streams = streams;

    /// <inheritdoc/>
    public ValueTask<GetPeriodicEventStreamResponse> HandleAsync(GetPeriodicEventStreamRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        var open = _streams.List();
        return ValueTask.FromResult(new GetPeriodicEventStreamResponse { ConstantStreamData = open.Length == 0 ? null : open });
    }
}
