using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.ISO15118CertificateManagement;

namespace ChargerController.Station.Security;

/// <summary>Answers GetInstalledCertificateIds (M03): <c>NotFound</c> without a chain when nothing matches (M03.FR.02).</summary>
internal sealed class GetInstalledCertificateIdsHandler(CertificateManager manager) : IOcppRequestHandler<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>
{
    public ValueTask<GetInstalledCertificateIdsResponse> HandleAsync(GetInstalledCertificateIdsRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = manager.List(request.CertificateType);
        return ValueTask.FromResult(new GetInstalledCertificateIdsResponse
        {
            Status = found.Count == 0 ? GetInstalledCertificateStatusEnumType.NotFound : GetInstalledCertificateStatusEnumType.Accepted,
            CertificateHashDataChain = found.Count == 0 ? null : [.. found],
        });
    }
}
