using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.Authorization;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Station.Payment;

/// <summary>NotifyWebPaymentStarted (C25.FR.21/22/27): answered empty; the EVSE is held for the web payment.</summary>
internal sealed class NotifyWebPaymentStartedHandler(PaymentModule module) : IOcppRequestHandler<NotifyWebPaymentStartedRequest, NotifyWebPaymentStartedResponse>
{
    public ValueTask<NotifyWebPaymentStartedResponse> HandleAsync(NotifyWebPaymentStartedRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Version == Ocpp.OcppVersion.V201)
        {
            // The action does not exist in OCPP 2.0.1.
            throw new OcppCallErrorException(RpcErrorCode.NotImplemented, "NotifyWebPaymentStarted is OCPP 2.1 only");
        }

        module.OnWebPaymentStarted(request);
        return ValueTask.FromResult(new NotifyWebPaymentStartedResponse());
    }
}
