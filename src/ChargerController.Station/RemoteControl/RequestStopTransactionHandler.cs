using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.RemoteControl;
using ChargerController.Station.Sessions;
using ChargerController.Station.Transactions;

namespace ChargerController.Station.RemoteControl;

/// <summary>RequestStopTransaction (F03): Accepted for a running transaction (stopped after the answer), else Rejected.</summary>
public sealed class RequestStopTransactionHandler :
    IOcppRequestHandler<RequestStopTransactionRequest, RequestStopTransactionResponse>,
    IOcppAfterResponse<RequestStopTransactionRequest, RequestStopTransactionResponse>
{
    private readonly TransactionManager _manager;

    /// <summary>Initializes a new instance of the <see cref="RequestStopTransactionHandler"/> class.</summary>
    /// <param name="manager">The transaction manager.</param>
    public RequestStopTransactionHandler(TransactionManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc/>
    public ValueTask<RequestStopTransactionResponse> HandleAsync(RequestStopTransactionRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // F03.FR.07/08.
        var status = request.TransactionId is { } id && _manager.EvseOf(id) is not null ? RequestStartStopStatusEnumType.Accepted : RequestStartStopStatusEnumType.Rejected;
        return ValueTask.FromResult(new RequestStopTransactionResponse { Status = status });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(RequestStopTransactionRequest request, RequestStopTransactionResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == RequestStartStopStatusEnumType.Accepted && _manager.EvseOf(request.TransactionId) is { } evseId)
        {
            await _manager.StopAsync(evseId, SessionEndReason.RemoteStop).ConfigureAwait(false);
        }
    }
}
