using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.Transactions;
using ChargerController.Station.Transactions;

namespace ChargerController.Station.RemoteControl;

/// <summary>GetTransactionStatus (E14): whether a transaction runs and whether its messages wait in the queue.</summary>
public sealed class GetTransactionStatusHandler : IOcppRequestHandler<GetTransactionStatusRequest, GetTransactionStatusResponse>
{
    private readonly TransactionManager _manager;

    /// <summary>Initializes a new instance of the <see cref="GetTransactionStatusHandler"/> class.</summary>
    /// <param name="manager">The transaction manager.</param>
    public GetTransactionStatusHandler(TransactionManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc/>
    public async ValueTask<GetTransactionStatusResponse> HandleAsync(GetTransactionStatusRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queued = _manager.OutboundQueue is { } queue ? await queue.ListAsync(cancellationToken).ConfigureAwait(false) : [];
        if (request.TransactionId is { } id)
        {
            // E14.FR.01-06: ongoingIndicator only for a running transaction; messagesInQueue for that transaction.
            return new GetTransactionStatusResponse
            {
                OngoingIndicator = _manager.EvseOf(id) is not null,
                MessagesInQueue = queued.Any(m => m.TransactionId == id),
            };
        }

        // E14.FR.07/08: without id, whether any transaction message waits; no ongoingIndicator.
        return new GetTransactionStatusResponse { MessagesInQueue = queued.Any(m => m.IsTransactionRelated) };
    }
}
