using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.Runtime;
using ChargerController.Station.SmartCharging.Limits;
using ChargerController.Station.SmartCharging.Profiles;

namespace ChargerController.Station.SmartCharging.Handlers;

/// <summary>
/// UsePriorityCharging (K21): unknown transaction → Rejected, no PriorityCharging profile for its EVSE → NoProfile, else
/// Accepted and the PriorityCharging profile replaces Tx/TxDefault (activate) or stops doing so; the station confirms
/// with NotifyPriorityCharging.
/// </summary>
public sealed class UsePriorityChargingHandler :
    IOcppRequestHandler<UsePriorityChargingRequest, UsePriorityChargingResponse>,
    IOcppAfterResponse<UsePriorityChargingRequest, UsePriorityChargingResponse>
{
    private readonly ChargingProfileSet _profiles;
    private readonly SmartChargingState _state;
    private readonly SmartChargingOptions _options;
    private readonly IStationMessageSender _sender;

    /// <summary>Initializes a new instance of the <see cref="UsePriorityChargingHandler"/> class.</summary>
    /// <param name="profiles">Installed profiles.</param>
    /// <param name="state">Per-EVSE state.</param>
    /// <param name="options">Configuration (EVSEs).</param>
    /// <param name="sender">Sends NotifyPriorityCharging.</param>
    public UsePriorityChargingHandler(ChargingProfileSet profiles, SmartChargingState state, SmartChargingOptions options, IStationMessageSender sender)
    {
        _profiles = profiles;
        _state = state;
        _options = options;
        _sender = sender;
    }

    /// <inheritdoc/>
    public ValueTask<UsePriorityChargingResponse> HandleAsync(UsePriorityChargingRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (EvseOf(request.TransactionId) is not { } evseId)
        {
            return Answer(PriorityChargingStatusEnumType.Rejected, "TxNotFound");
        }

        var hasProfile = _profiles.All.Any(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.PriorityCharging && (p.EvseId == 0 || p.EvseId == evseId));
        if (!hasProfile)
        {
            return Answer(PriorityChargingStatusEnumType.NoProfile, null);
        }

        _state.SetPriority(evseId, request.Activate);
        return Answer(PriorityChargingStatusEnumType.Accepted, null);
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(UsePriorityChargingRequest request, UsePriorityChargingResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == PriorityChargingStatusEnumType.Accepted)
        {
            var notify = new NotifyPriorityChargingRequest { TransactionId = request.TransactionId, Activated = request.Activate };
            await _sender.CallAsync<NotifyPriorityChargingRequest, NotifyPriorityChargingResponse>(notify, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ValueTask<UsePriorityChargingResponse> Answer(PriorityChargingStatusEnumType status, string? reason) =>
        ValueTask.FromResult(new UsePriorityChargingResponse { Status = status, StatusInfo = reason is null ? null : new() { ReasonCode = reason } });

    private int? EvseOf(string transactionId)
    {
        foreach (var evse in _options.Evses)
        {
            if (string.Equals(_state.TransactionId(evse.EvseId), transactionId, StringComparison.Ordinal))
            {
                return evse.EvseId;
            }
        }

        return null;
    }
}
