using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.ISO15118CertificateManagement;

namespace ChargerController.Station.Security;

/// <summary>Answers DeleteCertificate (M04).</summary>
internal sealed class DeleteCertificateHandler(CertificateManager manager) : IOcppRequestHandler<DeleteCertificateRequest, DeleteCertificateResponse>
{
    public ValueTask<DeleteCertificateResponse> HandleAsync(DeleteCertificateRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(new DeleteCertificateResponse { Status = manager.Delete(request.CertificateHashData) });
    }
}
