using System.Text.Json;
using ChargerController.Control.Wire;
using ChargerController.Station.Control;

namespace ChargerController.Worker.ControlSocket;

/// <summary>Exposes <see cref="StationControlService"/> on the control socket: status, evse.*, hw.rcd-test.</summary>
internal sealed class StationControlCommands(StationControlService station) : IControlCommandModule
{
    public void Register(ControlRequestRouter router)
    {
        router.Map(ControlCommands.Status, async (_, ct) =>
        {
            var status = await station.GetStatusAsync(ct).ConfigureAwait(false);
            return new ControlResponse(true, JsonSerializer.SerializeToElement(status, ControlJsonContext.Default.StationStatus));
        });
        router.Map(ControlCommands.EvseStart, async (request, ct) =>
            ControlReplies.EvseId(request, out var error) is { } id
                ? ControlReplies.From(await station.StartAsync(id, request.Arg(ControlArgs.IdToken), ct).ConfigureAwait(false))
                : error!);
        router.Map(ControlCommands.EvseStop, (request, _) => Sync(request, station.Stop));
        router.Map(ControlCommands.EvseUnlock, (request, _) => Sync(request, station.Unlock));
        router.Map(ControlCommands.HwRcdTest, (request, _) => Sync(request, station.RunRcdSelfTest));
        router.Map(ControlCommands.EvseAvailability, (request, _) =>
        {
            var operative = request.Arg(ControlArgs.Availability) switch
            {
                "operative" => true,
                "inoperative" => (bool?)false,
                _ => null,
            };
            return operative is { } value
                ? Sync(request, id => station.SetAvailability(id, value))
                : ValueTask.FromResult(ControlReplies.Fail(ControlErrorCodes.InvalidArgument, "availability must be 'operative' or 'inoperative'"));
        });
    }

    private static ValueTask<ControlResponse> Sync(ControlRequest request, Func<int, ControlOutcome> action) =>
        ValueTask.FromResult(ControlReplies.EvseId(request, out var error) is { } id ? ControlReplies.From(action(id)) : error!);
}
