using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.TariffAndCost;

namespace ChargerController.Station.Tariffs;

/// <summary>CostUpdated (I02.FR.02/03; also in OCPP 2.0.1): the running cost the CSMS calculated.</summary>
/// <param name="module">The tariff block.</param>
internal sealed class CostUpdatedHandler(TariffModule module) : IOcppRequestHandler<CostUpdatedRequest, CostUpdatedResponse>
{
    public ValueTask<CostUpdatedResponse> HandleAsync(CostUpdatedRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        module.CostUpdated(request);
        return ValueTask.FromResult(new CostUpdatedResponse());
    }
}
