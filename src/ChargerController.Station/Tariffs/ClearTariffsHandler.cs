using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.TariffAndCost;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Station.Tariffs;

/// <summary>ClearTariffs (I10, OCPP 2.1 only).</summary>
/// <param name="module">The tariff block.</param>
internal sealed class ClearTariffsHandler(TariffModule module) : IOcppRequestHandler<ClearTariffsRequest, ClearTariffsResponse>
{
    public ValueTask<ClearTariffsResponse> HandleAsync(ClearTariffsRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        if (!module.Settings().TariffEnabled)
        {
            throw new OcppCallErrorException(RpcErrorCode.NotSupported, "TariffCostCtrlr.Enabled[Tariff] is false");
        }

        return ValueTask.FromResult(module.Clear(request));
    }
}
