using ChargerController.Control.Wire;

namespace ChargerController.Worker.ControlSocket;

/// <summary>Routes control-socket commands to the handlers registered by the composition root.</summary>
internal sealed class ControlRequestRouter
{
    private readonly Dictionary<string, Func<ControlRequest, CancellationToken, ValueTask<ControlResponse>>> handlers = new(StringComparer.Ordinal);

    public void Map(string command, Func<ControlRequest, CancellationToken, ValueTask<ControlResponse>> handler) => handlers[command] = handler;

    public ValueTask<ControlResponse> HandleAsync(ControlRequest request, CancellationToken cancellationToken) =>
        handlers.TryGetValue(request.Command, out var handler)
            ? handler(request, cancellationToken)
            : ValueTask.FromResult(new ControlResponse(false, null, new ControlError(
                request.Command.StartsWith("sim.", StringComparison.Ordinal) ? ControlErrorCodes.NotSimulated : ControlErrorCodes.UnknownCommand,
                request.Command.StartsWith("sim.", StringComparison.Ordinal)
                    ? $"'{request.Command}' is only available when chargerd runs with --simulate"
                    : $"unknown command '{request.Command}'")));
}
