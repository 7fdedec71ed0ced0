using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.TariffAndCost;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Station.Tariffs;

/// <summary>SetDefaultTariff (I07, OCPP 2.1 only: a 2.0.1 connection answers NotImplemented before it gets here).</summary>
/// <param name="module">The tariff block.</param>
internal sealed class SetDefaultTariffHandler(TariffModule module) : IOcppRequestHandler<SetDefaultTariffRequest, SetDefaultTariffResponse>
{
    public ValueTask<SetDefaultTariffResponse> HandleAsync(SetDefaultTariffRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        if (!module.Settings().TariffEnabled)
        {
            // I07.FR.01.
            throw new OcppCallErrorException(RpcErrorCode.NotSupported, "TariffCostCtrlr.Enabled[Tariff] is false");
        }

        return ValueTask.FromResult(module.SetDefault(request));
    }
}
