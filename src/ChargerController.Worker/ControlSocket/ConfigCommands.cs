using System.Text.Json;
using ChargerController.Control.Wire;
using ChargerController.Station.Control;

namespace ChargerController.Worker.ControlSocket;

/// <summary>config.list / config.get / config.set over <see cref="StationConfigurationService"/>.</summary>
internal sealed class ConfigCommands(StationConfigurationService configuration) : IControlCommandModule
{
    public void Register(ControlRequestRouter router)
    {
        router.Map(ControlCommands.ConfigList, (request, _) => ValueTask.FromResult(
            Ok(configuration.List(request.Arg(ControlArgs.Key)), ControlJsonContext.Default.ConfigList)));
        router.Map(ControlCommands.ConfigGet, (request, _) => ValueTask.FromResult(
            configuration.Get(request.Arg(ControlArgs.Key), out var error) is { } variable
                ? Ok(variable, ControlJsonContext.Default.ConfigVariable)
                : ControlReplies.From(error!)));
        router.Map(ControlCommands.ConfigSet, (request, _) => ValueTask.FromResult(
            configuration.Set(request.Arg(ControlArgs.Key), request.Arg(ControlArgs.Value), out var error) is { } result
                ? Ok(result, ControlJsonContext.Default.ConfigSetResult)
                : ControlReplies.From(error!)));
    }

    private static ControlResponse Ok<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        new(true, JsonSerializer.SerializeToElement(value, type));
}
