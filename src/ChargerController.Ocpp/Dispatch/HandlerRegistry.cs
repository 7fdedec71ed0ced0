using System.Collections.Concurrent;
using System.Text.Json;

namespace ChargerController.Ocpp.Dispatch;

/// <summary>
/// The handlers of one connection, keyed by action. An action without a handler is answered by the engine with
/// <c>NotSupported</c> when the version knows it and <c>NotImplemented</c> otherwise (Part 4 §4.3).
/// </summary>
public sealed class HandlerRegistry
{
    private readonly ConcurrentDictionary<string, InboundHandler> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InboundHandler> _sends = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions _options;

    /// <summary>Initializes a new instance of the <see cref="HandlerRegistry"/> class.</summary>
    /// <param name="jsonOptions">Options whose TypeInfoResolver is the source-generated OCPP context.</param>
    public HandlerRegistry(JsonSerializerOptions jsonOptions)
    {
        ArgumentNullException.ThrowIfNull(jsonOptions);
        _options = jsonOptions;
    }

    /// <summary>Gets the JSON options (source-generated resolver) used for every typed payload of the connection.</summary>
    public JsonSerializerOptions JsonOptions => _options;

    /// <summary>Gets the actions with a CALL handler.</summary>
    public IReadOnlyCollection<string> CallActions => (IReadOnlyCollection<string>)_calls.Keys;

    /// <summary>
    /// Registers the handler for the action named after <typeparamref name="TRequest"/> minus <c>Request</c>.
    /// When the handler also implements <see cref="IOcppAfterResponse{TRequest,TResponse}"/>, that runs after the response.
    /// </summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <exception cref="InvalidOperationException">The action already has a handler, or the types have no JsonTypeInfo.</exception>
    public void Register<TRequest, TResponse>(IOcppRequestHandler<TRequest, TResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(handler, handler as IOcppAfterResponse<TRequest, TResponse>);
    }

    /// <summary>Registers a handler with a separate after-response step.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="afterResponse">Runs after the response was sent, or <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">The action already has a handler, or the types have no JsonTypeInfo.</exception>
    public void Register<TRequest, TResponse>(IOcppRequestHandler<TRequest, TResponse> handler, IOcppAfterResponse<TRequest, TResponse>? afterResponse)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var action = JsonPayload.ActionOfRequest(typeof(TRequest));
        var adapter = new TypedRequestHandler<TRequest, TResponse>(handler, afterResponse, JsonPayload.TypeInfo<TRequest>(_options), JsonPayload.TypeInfo<TResponse>(_options));
        if (!_calls.TryAdd(action, adapter))
        {
            throw new InvalidOperationException("A handler for " + action + " is already registered.");
        }
    }

    /// <summary>Registers the consumer of SEND messages named after <typeparamref name="TMessage"/>.</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <exception cref="InvalidOperationException">The action already has a handler, or the type has no JsonTypeInfo.</exception>
    public void RegisterSend<TMessage>(IOcppSendHandler<TMessage> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!_sends.TryAdd(typeof(TMessage).Name, new TypedSendHandler<TMessage>(handler, JsonPayload.TypeInfo<TMessage>(_options))))
        {
            throw new InvalidOperationException("A handler for " + typeof(TMessage).Name + " is already registered.");
        }
    }

    /// <summary>Removes the CALL handler of an action (e.g. a feature switched off at run time).</summary>
    /// <param name="action">The action.</param>
    /// <returns>Whether a handler was removed.</returns>
    public bool Unregister(string action) => _calls.TryRemove(action, out _);

    internal bool TryGetCall(string action, out InboundHandler handler) => _calls.TryGetValue(action, out handler!);

    internal bool TryGetSend(string action, out InboundHandler handler) => _sends.TryGetValue(action, out handler!);
}
