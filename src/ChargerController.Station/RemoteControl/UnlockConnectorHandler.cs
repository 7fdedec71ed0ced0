using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.RemoteControl;
using ChargerController.Station.Sessions;
using ChargerController.Station.Transactions;

namespace ChargerController.Station.RemoteControl;

/// <summary>
/// UnlockConnector (F05): refused while an authorized transaction runs (F05.FR.02); an unauthorized transaction on the
/// connector ends with triggerReason UnlockCommand; the EVSE controller releases its lock whenever no session is
/// authorized, which is then the case, so the answer is Unlocked.
/// </summary>
public sealed class UnlockConnectorHandler : IOcppRequestHandler<UnlockConnectorRequest, UnlockConnectorResponse>
{
    private readonly TransactionManager _manager;

    /// <summary>Initializes a new instance of the <see cref="UnlockConnectorHandler"/> class.</summary>
    /// <param name="manager">The transaction manager.</param>
    public UnlockConnectorHandler(TransactionManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc/>
    public async ValueTask<UnlockConnectorResponse> HandleAsync(UnlockConnectorRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_manager.Evse(request.EvseId) is null || request.ConnectorId != 1)
        {
            return new UnlockConnectorResponse { Status = UnlockStatusEnumType.UnknownConnector };
        }

        if (_manager.IsAuthorized(request.EvseId))
        {
            return new UnlockConnectorResponse { Status = UnlockStatusEnumType.OngoingAuthorizedTransaction };
        }

        if (_manager.HasActiveTransaction(request.EvseId))
        {
            await _manager.StopAsync(request.EvseId, SessionEndReason.UnlockCommand).ConfigureAwait(false);
        }

        // F05: also releases a lock kept after an EV-side disconnect (UnlockOnEVSideDisconnect false, E09.FR.03).
        _manager.Evse(request.EvseId)!.ReleaseHeldLock();

        return new UnlockConnectorResponse { Status = UnlockStatusEnumType.Unlocked };
    }
}
