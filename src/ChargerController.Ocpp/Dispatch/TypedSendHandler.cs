using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChargerController.Ocpp.Dispatch;

/// <summary>Adapts an <see cref="IOcppSendHandler{TMessage}"/> to JSON with source-generated type info.</summary>
internal sealed class TypedSendHandler<TMessage> : InboundHandler
{
    private readonly IOcppSendHandler<TMessage> _handler;
    private readonly JsonTypeInfo<TMessage> _info;

    public TypedSendHandler(IOcppSendHandler<TMessage> handler, JsonTypeInfo<TMessage> info)
    {
        _handler = handler;
        _info = info;
    }

    public override async ValueTask<InboundOutcome?> InvokeAsync(JsonElement payload, OcppRequestContext context, CancellationToken cancellationToken)
    {
        await _handler.HandleAsync(JsonPayload.Deserialize(payload, _info), context, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
