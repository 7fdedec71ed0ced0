using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.TariffAndCost;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Station.Tariffs;

/// <summary>GetTariffs (I09, OCPP 2.1 only).</summary>
/// <param name="module">The tariff block.</param>
internal sealed class GetTariffsHandler(TariffModule module) : IOcppRequestHandler<GetTariffsRequest, GetTariffsResponse>
{
    public ValueTask<GetTariffsResponse> HandleAsync(GetTariffsRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        if (!module.Settings().TariffEnabled)
        {
            throw new OcppCallErrorException(RpcErrorCode.NotSupported, "TariffCostCtrlr.Enabled[Tariff] is false");
        }

        if (request.EvseId < 0 || (request.EvseId > 0 && !module.EvseIds.Contains(request.EvseId)))
        {
            return ValueTask.FromResult(new GetTariffsResponse
            {
                Status = Ocpp.Enums.TariffGetStatusEnumType.Rejected,
                StatusInfo = new Ocpp.DataTypes.StatusInfoType { ReasonCode = "UnknownEVSE" },
            });
        }

        return ValueTask.FromResult(module.GetTariffs(request.EvseId));
    }
}
