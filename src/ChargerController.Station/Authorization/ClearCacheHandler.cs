using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.Authorization;

namespace ChargerController.Station.Authorization;

/// <summary>Answers ClearCache (C11): clears the authorization cache durably before answering.</summary>
internal sealed class ClearCacheHandler(AuthorizationService service) : IOcppRequestHandler<ClearCacheRequest, ClearCacheResponse>
{
    public ValueTask<ClearCacheResponse> HandleAsync(ClearCacheRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ClearCacheResponse { Status = service.ClearCache() });
}
