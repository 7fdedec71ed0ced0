using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>Answers SetNetworkProfile (B09): validate, store durably, then <c>Accepted</c>; <c>Rejected</c> when invalid, <c>Failed</c> when storing failed.</summary>
internal sealed class SetNetworkProfileHandler : IOcppRequestHandler<SetNetworkProfileRequest, SetNetworkProfileResponse>
{
    private readonly NetworkProfileManager _manager;
    private readonly ILogger _logger;

    public SetNetworkProfileHandler(NetworkProfileManager manager, ILogger logger)
    {
        _manager = manager;
        _logger = logger;
    }

    public ValueTask<SetNetworkProfileResponse> HandleAsync(SetNetworkProfileRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_manager.Check(request) is { } problem)
        {
            // B09.FR.02/04/05.
            NetworkProfileLog.SetNetworkProfileAnswered(_logger, request.ConfigurationSlot, "Rejected", problem.AdditionalInfo);
            return Answer(SetNetworkProfileStatusEnumType.Rejected, problem.ReasonCode, problem.AdditionalInfo);
        }

        try
        {
            _manager.Store(request);
        }
#pragma warning disable CA1031 // B09.FR.03: whatever made storing fail, the answer is Failed, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            NetworkProfileLog.SetNetworkProfileAnswered(_logger, request.ConfigurationSlot, "Failed", ex.Message);
            return Answer(SetNetworkProfileStatusEnumType.Failed, "InternalError", "The profile could not be stored.");
        }

        NetworkProfileLog.SetNetworkProfileAnswered(_logger, request.ConfigurationSlot, "Accepted", "stored");
        return Answer(SetNetworkProfileStatusEnumType.Accepted, null, null);
    }

    private static ValueTask<SetNetworkProfileResponse> Answer(SetNetworkProfileStatusEnumType status, string? reasonCode, string? info) =>
        ValueTask.FromResult(new SetNetworkProfileResponse
        {
            Status = status,
            StatusInfo = reasonCode is null ? null : new StatusInfoType { ReasonCode = reasonCode, AdditionalInfo = info is { Length: > 1024 } ? info[..1024] : info },
        });
}
