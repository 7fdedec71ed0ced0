using System.Globalization;
using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.LocalAuthorizationListManagement;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Authorization;

/// <summary>
/// Answers SendLocalList (D01): checks the message limits (D01.FR.11), applies Full/Differential updates with their
/// version rules and answers only once the new list is durable.
/// </summary>
internal sealed class SendLocalListHandler(AuthorizationService service, StationDeviceModel model) : IOcppRequestHandler<SendLocalListRequest, SendLocalListResponse>
{
    public ValueTask<SendLocalListResponse> HandleAsync(SendLocalListRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = request.LocalAuthorizationList ?? [];

        // D01.FR.11: ItemsPerMessage/BytesPerMessage bound one request; beyond them the message is refused as an RPC error
        // like an oversized GetReport (B08.FR.18), so the CSMS learns to split it rather than reading it as a list problem.
        var maxItems = model.GetInt(DeviceModelCatalog.LocalAuthListCtrlr, "ItemsPerMessage", AuthorizationLimits.ItemsPerMessage);
        if (items.Length > maxItems)
        {
            throw new OcppCallErrorException(RpcErrorCode.OccurrenceConstraintViolation, string.Create(CultureInfo.InvariantCulture, $"localAuthorizationList has {items.Length} items, ItemsPerMessage is {maxItems}"));
        }

        var maxBytes = model.GetInt(DeviceModelCatalog.LocalAuthListCtrlr, "BytesPerMessage", AuthorizationLimits.BytesPerMessage);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(request, OcppJsonContext.Default.SendLocalListRequest).Length;
        if (bytes > maxBytes)
        {
            throw new OcppCallErrorException(RpcErrorCode.FormatViolation, string.Create(CultureInfo.InvariantCulture, $"SendLocalList payload is {bytes} bytes, BytesPerMessage is {maxBytes}"));
        }

        (SendLocalListStatusEnumType Status, string? Reason) result = AuthorizationSettings.Read(model).ListEnabled
            ? service.LocalList.Apply(request.UpdateType, request.VersionNumber, items)
            : (SendLocalListStatusEnumType.Failed, "Disabled");
        service.LogListUpdate(request.UpdateType, request.VersionNumber, items.Length, result.Status, result.Reason);
        return ValueTask.FromResult(new SendLocalListResponse
        {
            Status = result.Status,
            StatusInfo = result.Reason is null ? null : new StatusInfoType { ReasonCode = result.Reason },
        });
    }
}
