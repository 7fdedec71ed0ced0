using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Availability;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Messages.FirmwareManagement;
using ChargerController.Ocpp.Messages.RemoteControl;
using ChargerController.Station.Availability;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.RemoteControl;

/// <summary>
/// Answers TriggerMessage (F06) and sends the requested message after the answer (F06.FR.04). BootNotification after
/// Accepted → <c>Rejected</c> (F06.FR.17); unknown EVSE → <c>Rejected</c>; messages no block can send →
/// <c>NotImplemented</c> (F06.FR.08); log and firmware status are <c>Idle</c> unless a block reports otherwise.
/// CustomTrigger goes to the <see cref="ICustomTriggerSource"/> of that name, unknown names → <c>NotImplemented</c>
/// (F06.FR.18/19).
/// </summary>
public sealed class TriggerMessageHandler : IOcppRequestHandler<TriggerMessageRequest, TriggerMessageResponse>, IOcppAfterResponse<TriggerMessageRequest, TriggerMessageResponse>
{
    private readonly IBootNotificationControl _boot;
    private readonly IStationMessageSender _sender;
    private readonly StatusNotificationReporter _status;
    private readonly IConnectorStatusSource _connectors;
    private readonly IReadOnlyList<ITriggeredMessageSource> _sources;

    /// <summary>Initializes a new instance of the <see cref="TriggerMessageHandler"/> class.</summary>
    /// <param name="boot">Boot control.</param>
    /// <param name="sender">Sender.</param>
    /// <param name="status">Status reporter.</param>
    /// <param name="connectors">Connectors.</param>
    /// <param name="sources">Other blocks' triggerable messages.</param>
    public TriggerMessageHandler(IBootNotificationControl boot, IStationMessageSender sender, StatusNotificationReporter status, IConnectorStatusSource connectors, IEnumerable<ITriggeredMessageSource> sources)
    {
        _boot = boot;
        _sender = sender;
        _status = status;
        _connectors = connectors;
        _sources = [.. sources];
    }

    /// <inheritdoc/>
    public ValueTask<TriggerMessageResponse> HandleAsync(TriggerMessageRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(new TriggerMessageResponse { Status = Decide(request) });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(TriggerMessageRequest request, TriggerMessageResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != TriggerMessageStatusEnumType.Accepted)
        {
            return;
        }

        var evseId = request.Evse?.Id;
        if (request.RequestedMessage == MessageTriggerEnumType.CustomTrigger)
        {
            if (Custom(request) is { } custom)
            {
                await custom.SendCustomAsync(evseId is 0 ? null : evseId, _sender, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (_sources.FirstOrDefault(s => s.Supports(request.RequestedMessage)) is { } source)
        {
            await source.SendAsync(request.RequestedMessage, evseId, _sender, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (request.RequestedMessage)
        {
            case MessageTriggerEnumType.BootNotification:
                _boot.SendBootNotificationNow();
                break;
            case MessageTriggerEnumType.Heartbeat:
                await _sender.CallRequestedAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), cancellationToken).ConfigureAwait(false);
                break;
            case MessageTriggerEnumType.StatusNotification:
                foreach (var connector in Selected(request))
                {
                    await _status.ReportOneAsync(connector, cancellationToken).ConfigureAwait(false);
                }

                break;
            case MessageTriggerEnumType.LogStatusNotification:
                await _sender.CallRequestedAsync<LogStatusNotificationRequest, LogStatusNotificationResponse>(new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Idle }, cancellationToken).ConfigureAwait(false);
                break;
            case MessageTriggerEnumType.FirmwareStatusNotification:
                await _sender.CallRequestedAsync<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(new FirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.Idle }, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private ICustomTriggerSource? Custom(TriggerMessageRequest request) =>
        _sources.OfType<ICustomTriggerSource>().FirstOrDefault(s => string.Equals(s.CustomTrigger, request.CustomTrigger, StringComparison.Ordinal));

    private IEnumerable<ConnectorLocation> Selected(TriggerMessageRequest request) =>
        _connectors.Connectors.Where(c => request.Evse is not { } evse || (c.EvseId == evse.Id && (evse.ConnectorId is not { } connector || c.ConnectorId == connector)));

    private TriggerMessageStatusEnumType Decide(TriggerMessageRequest request)
    {
        if (request.Evse is { } evse && evse.Id != 0 && !_connectors.Connectors.Any(c => c.EvseId == evse.Id && (evse.ConnectorId is null || c.ConnectorId == evse.ConnectorId)))
        {
            return TriggerMessageStatusEnumType.Rejected;
        }

        if (request.RequestedMessage == MessageTriggerEnumType.CustomTrigger)
        {
            // F06.FR.18/19: a custom trigger listed in CustomizationCtrlr.CustomTriggers is served, any other name is
            // NotImplemented; without a name there is nothing to look up.
            if (string.IsNullOrEmpty(request.CustomTrigger))
            {
                return TriggerMessageStatusEnumType.Rejected;
            }

            if (Custom(request) is not { } custom || !custom.Accepts(null))
            {
                return TriggerMessageStatusEnumType.NotImplemented;
            }

            return custom.Accepts(request.Evse?.Id is 0 ? null : request.Evse?.Id) ? TriggerMessageStatusEnumType.Accepted : TriggerMessageStatusEnumType.Rejected;
        }

        if (_sources.Any(s => s.Supports(request.RequestedMessage)))
        {
            return TriggerMessageStatusEnumType.Accepted;
        }

        return request.RequestedMessage switch
        {
            MessageTriggerEnumType.BootNotification => _boot.Registration == RegistrationState.Accepted ? TriggerMessageStatusEnumType.Rejected : TriggerMessageStatusEnumType.Accepted,
            MessageTriggerEnumType.Heartbeat or MessageTriggerEnumType.LogStatusNotification or MessageTriggerEnumType.FirmwareStatusNotification => TriggerMessageStatusEnumType.Accepted,
            MessageTriggerEnumType.StatusNotification => Selected(request).Any() ? TriggerMessageStatusEnumType.Accepted : TriggerMessageStatusEnumType.Rejected,
            _ => TriggerMessageStatusEnumType.NotImplemented,
        };
    }
}
