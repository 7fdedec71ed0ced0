using ChargerController.Ocpp;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.DisplayMessage;

namespace ChargerController.Station.DisplayMessages;

/// <summary>SetDisplayMessage (O01, O02, O06): checks the message, stores it durably, answers with the spec's status.</summary>
public sealed class SetDisplayMessageHandler : IOcppRequestHandler<SetDisplayMessageRequest, SetDisplayMessageResponse>
{
    private readonly DisplayMessageModule _module;

    /// <summary>Initializes a new instance of the <see cref="SetDisplayMessageHandler"/> class.</summary>
    /// <param name="module">The block.</param>
    public SetDisplayMessageHandler(DisplayMessageModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _module = module;
    }

    /// <inheritdoc/>
    public ValueTask<SetDisplayMessageResponse> HandleAsync(SetDisplayMessageRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (status, reason) = _module.Set(request.Message);
        if (status == DisplayMessageStatusEnumType.LanguageNotSupported && context.Version == OcppVersion.V201)
        {
            // LanguageNotSupported is new in 2.1; a 2.0.1 CSMS gets the nearest 2.0.1 answer.
            (status, reason) = (DisplayMessageStatusEnumType.Rejected, "Language not supported");
        }

        return ValueTask.FromResult(new SetDisplayMessageResponse
        {
            Status = status,
            StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = status == DisplayMessageStatusEnumType.Rejected ? "Unspecified" : "UnsupportedRequest", AdditionalInfo = reason },
        });
    }
}
