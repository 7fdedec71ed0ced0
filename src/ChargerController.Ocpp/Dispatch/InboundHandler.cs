using System.Text.Json;

namespace ChargerController.Ocpp.Dispatch;

/// <summary>The untyped face of a registered handler: JSON in, JSON out.</summary>
internal abstract class InboundHandler
{
    /// <summary>Handles a CALL or SEND payload; throws <see cref="Rpc.OcppCallErrorException"/> to refuse.</summary>
    public abstract ValueTask<InboundOutcome?> InvokeAsync(JsonElement payload, OcppRequestContext context, CancellationToken cancellationToken);
}
