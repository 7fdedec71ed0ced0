using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Messages.FirmwareManagement;

namespace ChargerController.Station.Firmware;

/// <summary>Answers UpdateFirmware (L01/L02) and starts the accepted update once the answer went out.</summary>
internal sealed class UpdateFirmwareHandler(FirmwareUpdateManager manager)
    : IOcppRequestHandler<UpdateFirmwareRequest, UpdateFirmwareResponse>, IOcppAfterResponse<UpdateFirmwareRequest, UpdateFirmwareResponse>
{
    public ValueTask<UpdateFirmwareResponse> HandleAsync(UpdateFirmwareRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(manager.Decide(request));
    }

    public ValueTask AfterResponseAsync(UpdateFirmwareRequest request, UpdateFirmwareResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        manager.StartPrepared();
        return ValueTask.CompletedTask;
    }
}
