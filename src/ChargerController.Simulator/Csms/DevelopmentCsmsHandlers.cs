using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Authorization;
using ChargerController.Ocpp.Messages.Availability;
using ChargerController.Ocpp.Messages.DataTransfer;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Messages.DisplayMessage;
using ChargerController.Ocpp.Messages.FirmwareManagement;
using ChargerController.Ocpp.Messages.MeterValues;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Messages.Reservation;
using ChargerController.Ocpp.Messages.Security;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Ocpp.Messages.Transactions;

namespace ChargerController.Simulator.Csms;

/// <summary>
/// What the development CSMS answers: every station registers (BootNotification Accepted), every token is accepted
/// (it is a bench, not a billing system), every notification is acknowledged. A development CSMS that says yes is
/// what lets <c>--simulate --demo</c> run a whole session with no server; a real CSMS decides for itself.
/// </summary>
internal sealed class DevelopmentCsmsHandlers :
    IOcppRequestHandler<BootNotificationRequest, BootNotificationResponse>,
    IOcppRequestHandler<HeartbeatRequest, HeartbeatResponse>,
    IOcppRequestHandler<StatusNotificationRequest, StatusNotificationResponse>,
    IOcppRequestHandler<AuthorizeRequest, AuthorizeResponse>,
    IOcppRequestHandler<TransactionEventRequest, TransactionEventResponse>,
    IOcppRequestHandler<MeterValuesRequest, MeterValuesResponse>,
    IOcppRequestHandler<NotifyReportRequest, NotifyReportResponse>,
    IOcppRequestHandler<NotifyEventRequest, NotifyEventResponse>,
    IOcppRequestHandler<SecurityEventNotificationRequest, SecurityEventNotificationResponse>,
    IOcppRequestHandler<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>,
    IOcppRequestHandler<LogStatusNotificationRequest, LogStatusNotificationResponse>,
    IOcppRequestHandler<NotifyMonitoringReportRequest, NotifyMonitoringReportResponse>,
    IOcppRequestHandler<NotifyCustomerInformationRequest, NotifyCustomerInformationResponse>,
    IOcppRequestHandler<NotifyChargingLimitRequest, NotifyChargingLimitResponse>,
    IOcppRequestHandler<ClearedChargingLimitRequest, ClearedChargingLimitResponse>,
    IOcppRequestHandler<ReportChargingProfilesRequest, ReportChargingProfilesResponse>,
    IOcppRequestHandler<ReservationStatusUpdateRequest, ReservationStatusUpdateResponse>,
    IOcppRequestHandler<NotifyDisplayMessagesRequest, NotifyDisplayMessagesResponse>,
    IOcppRequestHandler<DataTransferRequest, DataTransferResponse>
{
    private readonly DevelopmentCsmsOptions options;
    private readonly TimeProvider time;
    private readonly string stationId;
    private readonly Action<string> narrate;

    public DevelopmentCsmsHandlers(DevelopmentCsmsOptions options, TimeProvider time, string stationId, Action<string> narrate)
    {
        this.options = options;
        this.time = time;
        this.stationId = stationId;
        this.narrate = narrate;
    }

    /// <summary>Raised after a BootNotification was accepted.</summary>
    public event EventHandler? BootAccepted;

    /// <summary>Registers every handler on a registry.</summary>
    public void RegisterOn(HandlerRegistry registry)
    {
        registry.Register<BootNotificationRequest, BootNotificationResponse>(this);
        registry.Register<HeartbeatRequest, HeartbeatResponse>(this);
        registry.Register<StatusNotificationRequest, StatusNotificationResponse>(this);
        registry.Register<AuthorizeRequest, AuthorizeResponse>(this);
        registry.Register<TransactionEventRequest, TransactionEventResponse>(this);
        registry.Register<MeterValuesRequest, MeterValuesResponse>(this);
        registry.Register<NotifyReportRequest, NotifyReportResponse>(this);
        registry.Register<NotifyEventRequest, NotifyEventResponse>(this);
        registry.Register<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(this);
        registry.Register<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(this);
        registry.Register<LogStatusNotificationRequest, LogStatusNotificationResponse>(this);
        registry.Register<NotifyMonitoringReportRequest, NotifyMonitoringReportResponse>(this);
        registry.Register<NotifyCustomerInformationRequest, NotifyCustomerInformationResponse>(this);
        registry.Register<NotifyChargingLimitRequest, NotifyChargingLimitResponse>(this);
        registry.Register<ClearedChargingLimitRequest, ClearedChargingLimitResponse>(this);
        registry.Register<ReportChargingProfilesRequest, ReportChargingProfilesResponse>(this);
        registry.Register<ReservationStatusUpdateRequest, ReservationStatusUpdateResponse>(this);
        registry.Register<NotifyDisplayMessagesRequest, NotifyDisplayMessagesResponse>(this);
        registry.Register<DataTransferRequest, DataTransferResponse>(this);
    }

    public ValueTask<BootNotificationResponse> HandleAsync(BootNotificationRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        BootAccepted?.Invoke(this, EventArgs.Empty);
        narrate($"csms: {stationId} registered ({request.ChargingStation.VendorName} {request.ChargingStation.Model}, reason {request.Reason}): Accepted");
        return ValueTask.FromResult(new BootNotificationResponse
        {
            CurrentTime = time.GetUtcNow(),
            Interval = (int)options.HeartbeatInterval.TotalSeconds,
            Status = RegistrationStatusEnumType.Accepted,
        });
    }

    public ValueTask<HeartbeatResponse> HandleAsync(HeartbeatRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new HeartbeatResponse { CurrentTime = time.GetUtcNow() });

    public ValueTask<StatusNotificationResponse> HandleAsync(StatusNotificationRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new StatusNotificationResponse());

    public ValueTask<AuthorizeResponse> HandleAsync(AuthorizeRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        narrate($"csms: token {request.IdToken.IdToken} ({request.IdToken.Type}) authorized: Accepted");
        return ValueTask.FromResult(new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
    }

    public ValueTask<TransactionEventResponse> HandleAsync(TransactionEventRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        if (request.EventType != TransactionEventEnumType.Updated)
        {
            narrate($"csms: transaction {request.TransactionInfo.TransactionId} {request.EventType} ({request.TriggerReason})");
        }

        // A TransactionEvent that carries an idToken expects idTokenInfo in the answer: accept it like Authorize.
        return ValueTask.FromResult(request.IdToken is null
            ? new TransactionEventResponse()
            : new TransactionEventResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
    }

    public ValueTask<MeterValuesResponse> HandleAsync(MeterValuesRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new MeterValuesResponse());

    public ValueTask<NotifyReportResponse> HandleAsync(NotifyReportRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new NotifyReportResponse());

    public ValueTask<NotifyEventResponse> HandleAsync(NotifyEventRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new NotifyEventResponse());

    public ValueTask<SecurityEventNotificationResponse> HandleAsync(SecurityEventNotificationRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SecurityEventNotificationResponse());

    public ValueTask<FirmwareStatusNotificationResponse> HandleAsync(FirmwareStatusNotificationRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FirmwareStatusNotificationResponse());

    public ValueTask<LogStatusNotificationResponse> HandleAsync(LogStatusNotificationRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new LogStatusNotificationResponse());

    public ValueTask<NotifyMonitoringReportResponse> HandleAsync(NotifyMonitoringReportRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new NotifyMonitoringReportResponse());

    public ValueTask<NotifyCustomerInformationResponse> HandleAsync(NotifyCustomerInformationRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new NotifyCustomerInformationResponse());

    public ValueTask<NotifyChargingLimitResponse> HandleAsync(NotifyChargingLimitRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new NotifyChargingLimitResponse());

    public ValueTask<ClearedChargingLimitResponse> HandleAsync(ClearedChargingLimitRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ClearedChargingLimitResponse());

    public ValueTask<ReportChargingProfilesResponse> HandleAsync(ReportChargingProfilesRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ReportChargingProfilesResponse());

    public ValueTask<ReservationStatusUpdateResponse> HandleAsync(ReservationStatusUpdateRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ReservationStatusUpdateResponse());

    public ValueTask<NotifyDisplayMessagesResponse> HandleAsync(NotifyDisplayMessagesRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new NotifyDisplayMessagesResponse());

    public ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownVendorId });
}
