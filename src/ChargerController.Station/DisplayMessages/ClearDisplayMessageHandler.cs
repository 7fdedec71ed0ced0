using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.DisplayMessage;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.DisplayMessages;

/// <summary>ClearDisplayMessage (O05): Accepted when a message had the id (O05.FR.01), Unknown when none (O05.FR.02), Rejected when it could not be removed (O05.FR.03).</summary>
public sealed class ClearDisplayMessageHandler : IOcppRequestHandler<ClearDisplayMessageRequest, ClearDisplayMessageResponse>
{
    private readonly DisplayMessageModule _module;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="ClearDisplayMessageHandler"/> class.</summary>
    /// <param name="module">The block.</param>
    /// <param name="logger">Logger.</param>
    public ClearDisplayMessageHandler(DisplayMessageModule module, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(logger);
        _module = module;
        _logger = logger;
    }

    /// <inheritdoc/>
    public ValueTask<ClearDisplayMessageResponse> HandleAsync(ClearDisplayMessageRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ClearDisplayMessageResponse response;
        try
        {
            response = new ClearDisplayMessageResponse { Status = _module.Book.Clear(request.Id) ? ClearMessageStatusEnumType.Accepted : ClearMessageStatusEnumType.Unknown };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            DisplayMessageLog.StoreFailed(_logger, e);
            response = new ClearDisplayMessageResponse
            {
                Status = ClearMessageStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "InternalError", AdditionalInfo = "Storage failure" },
            };
        }

        return ValueTask.FromResult(response);
    }
}
