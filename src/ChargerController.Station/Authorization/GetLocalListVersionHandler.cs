using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.LocalAuthorizationListManagement;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Authorization;

/// <summary>Answers GetLocalListVersion (D02): the list's version, or 0 when none was sent (D02.FR.02) or the list is disabled (D02.FR.03).</summary>
internal sealed class GetLocalListVersionHandler(AuthorizationService service, StationDeviceModel model) : IOcppRequestHandler<GetLocalListVersionRequest, GetLocalListVersionResponse>
{
    public ValueTask<GetLocalListVersionResponse> HandleAsync(GetLocalListVersionRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new GetLocalListVersionResponse
        {
            VersionNumber = AuthorizationSettings.Read(model).ListEnabled ? service.LocalList.Version : 0,
        });
}
