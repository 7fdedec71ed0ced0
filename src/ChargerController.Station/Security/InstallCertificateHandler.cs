using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.ISO15118CertificateManagement;

namespace ChargerController.Station.Security;

/// <summary>Answers InstallCertificate (M05).</summary>
internal sealed class InstallCertificateHandler(CertificateManager manager) : IOcppRequestHandler<InstallCertificateRequest, InstallCertificateResponse>
{
    public ValueTask<InstallCertificateResponse> HandleAsync(InstallCertificateRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = manager.Install(request.CertificateType, request.Certificate, out var reason);
        return ValueTask.FromResult(new InstallCertificateResponse
        {
            Status = status,
            StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = "InvalidCertificate", AdditionalInfo = reason },
        });
    }
}
