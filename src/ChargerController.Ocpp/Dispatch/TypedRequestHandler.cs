using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Dispatch;

/// <summary>Adapts an <see cref="IOcppRequestHandler{TRequest,TResponse}"/> to JSON with source-generated type info.</summary>
internal sealed class TypedRequestHandler<TRequest, TResponse> : InboundHandler
{
    private readonly IOcppRequestHandler<TRequest, TResponse> _handler;
    private readonly IOcppAfterResponse<TRequest, TResponse>? _after;
    private readonly JsonTypeInfo<TRequest> _requestInfo;
    private readonly JsonTypeInfo<TResponse> _responseInfo;

    public TypedRequestHandler(IOcppRequestHandler<TRequest, TResponse> handler, IOcppAfterResponse<TRequest, TResponse>? after, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo)
    {
        _handler = handler;
        _after = after;
        _requestInfo = requestInfo;
        _responseInfo = responseInfo;
    }

    public override async ValueTask<InboundOutcome?> InvokeAsync(JsonElement payload, OcppRequestContext context, CancellationToken cancellationToken)
    {
        var request = JsonPayload.Deserialize(payload, _requestInfo);
        var response = await _handler.HandleAsync(request, context, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            throw new OcppCallErrorException(RpcErrorCode.InternalError, "Handler returned no response");
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(response, _responseInfo);
        var after = _after;
        return new InboundOutcome(json, after is null ? null : ct => after.AfterResponseAsync(request, response, context, ct));
    }
}
