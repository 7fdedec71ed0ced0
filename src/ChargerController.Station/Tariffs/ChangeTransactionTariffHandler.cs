using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.TariffAndCost;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Station.Tariffs;

/// <summary>ChangeTransactionTariff (I11, OCPP 2.1 only); the TariffChanged event follows the answer (I11.FR.07).</summary>
/// <param name="module">The tariff block.</param>
internal sealed class ChangeTransactionTariffHandler(TariffModule module)
    : IOcppRequestHandler<ChangeTransactionTariffRequest, ChangeTransactionTariffResponse>, IOcppAfterResponse<ChangeTransactionTariffRequest, ChangeTransactionTariffResponse>
{
    private readonly Dictionary<string, int> _accepted = new(StringComparer.Ordinal);

    public async ValueTask<ChangeTransactionTariffResponse> HandleAsync(ChangeTransactionTariffRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        if (!module.Settings().LocalCost)
        {
            // I11.FR.01.
            throw new OcppCallErrorException(RpcErrorCode.NotSupported, "local cost calculation is disabled");
        }

        var (response, evseId) = await module.ChangeAsync(request).ConfigureAwait(false);
        if (evseId is { } evse)
        {
            lock (_accepted)
            {
                _accepted[request.TransactionId] = evse;
            }
        }

        return response;
    }

    public async ValueTask AfterResponseAsync(ChangeTransactionTariffRequest request, ChangeTransactionTariffResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        int evse;
        lock (_accepted)
        {
            if (response.Status != TariffChangeStatusEnumType.Accepted || !_accepted.Remove(request.TransactionId, out evse))
            {
                return;
            }
        }

        await module.SendTariffChangedAsync(evse, request.TransactionId).ConfigureAwait(false);
    }
}
