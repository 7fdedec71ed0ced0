using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Runtime;

/// <summary>
/// Serves a CSMS request only when the registration state allows it: <c>Rejected</c> → CALLERROR <c>SecurityError</c>
/// for everything (B03.FR.08); <c>Pending</c> → only the requests B02.FR.01 lists (Get/SetVariables, GetBaseReport,
/// GetReport) plus TriggerMessage; others get <c>SecurityError</c> (TC_B_30).
/// </summary>
/// <typeparam name="TRequest">Request type.</typeparam>
/// <typeparam name="TResponse">Response type.</typeparam>
internal sealed class GatedRequestHandler<TRequest, TResponse> : IOcppRequestHandler<TRequest, TResponse>, IOcppAfterResponse<TRequest, TResponse>
{
    private readonly IOcppRequestHandler<TRequest, TResponse> _inner;
    private readonly Func<RegistrationState> _state;
    private readonly bool _allowedWhilePending;
    private readonly ILogger _logger;

    public GatedRequestHandler(IOcppRequestHandler<TRequest, TResponse> inner, Func<RegistrationState> state, bool allowedWhilePending, ILogger logger)
    {
        _inner = inner;
        _state = state;
        _allowedWhilePending = allowedWhilePending;
        _logger = logger;
    }

    public ValueTask<TResponse> HandleAsync(TRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        var state = _state();
        if (state == RegistrationState.Rejected || (state != RegistrationState.Accepted && !_allowedWhilePending))
        {
            RuntimeLog.RefusedWhileNotAccepted(_logger, context.Action, state);
            throw new OcppCallErrorException(RpcErrorCode.SecurityError, "The station is not accepted by the CSMS.");
        }

        return _inner.HandleAsync(request, context, cancellationToken);
    }

    public ValueTask AfterResponseAsync(TRequest request, TResponse response, OcppRequestContext context, CancellationToken cancellationToken) =>
        _inner is IOcppAfterResponse<TRequest, TResponse> after ? after.AfterResponseAsync(request, response, context, cancellationToken) : ValueTask.CompletedTask;
}
