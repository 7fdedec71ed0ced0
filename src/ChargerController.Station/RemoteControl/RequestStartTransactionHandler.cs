using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.RemoteControl;
using ChargerController.Station.Evse;
using ChargerController.Station.Transactions;

namespace ChargerController.Station.RemoteControl;

/// <summary>
/// RequestStartTransaction (F01/F02): answers at once from what is known (EVSE state, reservation, profile), then
/// authorizes (AuthorizeRemoteStart) and starts the session after the answer went out.
/// </summary>
public sealed class RequestStartTransactionHandler :
    IOcppRequestHandler<RequestStartTransactionRequest, RequestStartTransactionResponse>,
    IOcppAfterResponse<RequestStartTransactionRequest, RequestStartTransactionResponse>
{
    private readonly TransactionManager _manager;

    /// <summary>Initializes a new instance of the <see cref="RequestStartTransactionHandler"/> class.</summary>
    /// <param name="manager">The transaction manager.</param>
    public RequestStartTransactionHandler(TransactionManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc/>
    public ValueTask<RequestStartTransactionResponse> HandleAsync(RequestStartTransactionRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Decide(request));
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(RequestStartTransactionRequest request, RequestStartTransactionResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != RequestStartStopStatusEnumType.Accepted || request.EvseId is not { } evseId)
        {
            return;
        }

        if (request.ChargingProfile is { } profile && _manager.ProfileInstaller is not null)
        {
            await _manager.SetPendingProfileAsync(evseId, profile).ConfigureAwait(false);
        }

        // F01.FR.01/02: AuthorizeRemoteStart decides whether the token is authorized before the start.
        var authorize = _manager.DeviceModel?.GetBool("AuthCtrlr", "AuthorizeRemoteStart", true) ?? true;
        await _manager.Sessions.RemoteStartAsync(evseId, request.IdToken, request.RemoteStartId, request.GroupIdToken, authorize, cancellationToken).ConfigureAwait(false);
    }

    private static RequestStartTransactionResponse Rejected(string reason) => new()
    {
        Status = RequestStartStopStatusEnumType.Rejected,
        StatusInfo = new StatusInfoType { ReasonCode = reason },
    };

    private RequestStartTransactionResponse Decide(RequestStartTransactionRequest request)
    {
        if (request.IdToken is null || string.IsNullOrWhiteSpace(request.IdToken.IdToken))
        {
            return Rejected("InvalidIdToken");
        }

        // F01.FR.07/20: without evseId the station picks a free EVSE.
        var evseId = request.EvseId ?? _manager.EvseIds.Order().FirstOrDefault(id => !_manager.IsAuthorized(id) && IsUsable(_manager.Evse(id)!));
        if (evseId == 0 || _manager.Evse(evseId) is not { } evse)
        {
            return Rejected("UnknownEvse");
        }

        if (!IsUsable(evse))
        {
            // F01.FR.21/22: Unavailable or Faulted.
            return Rejected(evse.Snapshot.ConnectorStatus.ToString());
        }

        if (_manager.IsAuthorized(evseId))
        {
            // F01.FR.23: an authorized transaction runs already.
            return Rejected("TxInProgress");
        }

        if (!_manager.Reservations.Check(evseId, request.IdToken, request.GroupIdToken).Allowed)
        {
            // F01.FR.24: reserved for another token.
            return Rejected("Reserved");
        }

        if (request.ChargingProfile is { } profile && _manager.ProfileInstaller?.Validate(evseId, profile) is { } invalid)
        {
            // F01.FR.26: a bad profile refuses the start.
            return Rejected(invalid);
        }

        request.EvseId = evseId;
        return new RequestStartTransactionResponse
        {
            Status = RequestStartStopStatusEnumType.Accepted,

            // F01.FR.13: a transaction that runs already (cable first, TxStartPoint EVConnected) is named.
            TransactionId = _manager.GetTransactionId(evseId),
        };
    }

    private static bool IsUsable(EvseController evse) => evse.Snapshot.ConnectorStatus is ConnectorStatus.Available or ConnectorStatus.Occupied;
}
