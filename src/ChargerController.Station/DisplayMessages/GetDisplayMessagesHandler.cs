using System.Runtime.CompilerServices;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.DisplayMessage;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// GetDisplayMessages (O03/O04): Unknown when no configured message matches every given filter (O03.FR.06, O04.FR.02/07),
/// else Accepted (O03.FR.01, O04.FR.01) and, after the answer, the matches in NotifyDisplayMessages parts carrying the
/// request's requestId, <c>tbc</c> on all but the last (O03.FR.02-05, O04.FR.03-06). Expired messages are dropped
/// first, so a message past its endDateTime is never reported.
/// </summary>
public sealed class GetDisplayMessagesHandler : IOcppRequestHandler<GetDisplayMessagesRequest, GetDisplayMessagesResponse>, IOcppAfterResponse<GetDisplayMessagesRequest, GetDisplayMessagesResponse>
{
    private readonly DisplayMessageModule _module;
    private readonly IStationMessageSender _sender;
    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<GetDisplayMessagesRequest, IReadOnlyList<MessageInfoType>> _matches = [];

    /// <summary>Initializes a new instance of the <see cref="GetDisplayMessagesHandler"/> class.</summary>
    /// <param name="module">The block.</param>
    /// <param name="sender">Sender of the NotifyDisplayMessages parts.</param>
    /// <param name="logger">Logger.</param>
    public GetDisplayMessagesHandler(DisplayMessageModule module, IStationMessageSender sender, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(logger);
        _module = module;
        _sender = sender;
        _logger = logger;
    }

    /// <summary>Splits the matches into NotifyDisplayMessages parts.</summary>
    /// <param name="requestId">The request's requestId.</param>
    /// <param name="messages">The matches (at least one).</param>
    /// <param name="perMessage">The most messages in one part.</param>
    /// <returns>The parts.</returns>
    public static IReadOnlyList<NotifyDisplayMessagesRequest> Build(int requestId, IReadOnlyList<MessageInfoType> messages, int perMessage)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var chunks = messages.Chunk(Math.Max(1, perMessage)).ToList();
        return [.. chunks.Select((chunk, i) => new NotifyDisplayMessagesRequest
        {
            RequestId = requestId,
            MessageInfo = chunk,
            Tbc = i < chunks.Count - 1 ? true : null,
        })];
    }

    /// <inheritdoc/>
    public ValueTask<GetDisplayMessagesResponse> HandleAsync(GetDisplayMessagesRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _module.Tick();
        var matches = _module.Book.Query(request.Id, request.Priority, request.State);
        if (matches.Count == 0)
        {
            return ValueTask.FromResult(new GetDisplayMessagesResponse
            {
                Status = GetDisplayMessagesStatusEnumType.Unknown,
                StatusInfo = new StatusInfoType { ReasonCode = "NotFound" },
            });
        }

        _matches.AddOrUpdate(request, matches);
        return ValueTask.FromResult(new GetDisplayMessagesResponse { Status = GetDisplayMessagesStatusEnumType.Accepted });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(GetDisplayMessagesRequest request, GetDisplayMessagesResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != GetDisplayMessagesStatusEnumType.Accepted || !_matches.TryGetValue(request, out var matches))
        {
            return;
        }

        _matches.Remove(request);
        try
        {
            foreach (var part in Build(request.RequestId, matches, _module.Options.MessagesPerNotify))
            {
                _ = await _sender.CallAsync<NotifyDisplayMessagesRequest, NotifyDisplayMessagesResponse>(part, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            DisplayMessageLog.NotifyFailed(_logger, request.RequestId, e);
        }
    }
}
