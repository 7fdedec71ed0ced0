using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>GetLog (N01): the manager decides the answer; the upload starts once the answer went out.</summary>
public sealed class GetLogHandler : IOcppRequestHandler<GetLogRequest, GetLogResponse>, IOcppAfterResponse<GetLogRequest, GetLogResponse>
{
    private readonly LogUploadManager _manager;
    private readonly Dictionary<int, LogUploadJob> _prepared = [];
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="GetLogHandler"/> class.</summary>
    /// <param name="manager">The log upload manager.</param>
    public GetLogHandler(LogUploadManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc/>
    public ValueTask<GetLogResponse> HandleAsync(GetLogRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = _manager.Accept(request, out var job);
        if (job is not null)
        {
            lock (_gate)
            {
                _prepared[request.RequestId] = job;
            }
        }

        return ValueTask.FromResult(response);
    }

    /// <inheritdoc/>
    public ValueTask AfterResponseAsync(GetLogRequest request, GetLogResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        LogUploadJob? job;
        lock (_gate)
        {
            _prepared.Remove(request.RequestId, out job);
        }

        if (job is not null && response.Status != LogStatusEnumType.Rejected)
        {
            _manager.Start(job);
        }

        return ValueTask.CompletedTask;
    }
}
