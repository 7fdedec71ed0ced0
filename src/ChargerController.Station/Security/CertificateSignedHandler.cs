using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Security;

namespace ChargerController.Station.Security;

/// <summary>Answers CertificateSigned (A02/A03); the reconnect with a new client certificate follows the answer.</summary>
internal sealed class CertificateSignedHandler(CertificateManager manager) : IOcppRequestHandler<CertificateSignedRequest, CertificateSignedResponse>, IOcppAfterResponse<CertificateSignedRequest, CertificateSignedResponse>
{
    public ValueTask AfterResponseAsync(CertificateSignedRequest request, CertificateSignedResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == CertificateSignedStatusEnumType.Accepted)
        {
            // A02.FR.08: the reconnect with the new certificate follows the answer, never cuts it off.
            manager.AnnounceClientCertificate();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<CertificateSignedResponse> HandleAsync(CertificateSignedRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = manager.Signed(request, out var reason);
        return ValueTask.FromResult(new CertificateSignedResponse
        {
            Status = status,
            StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = "InvalidCertificate", AdditionalInfo = reason },
        });
    }
}
