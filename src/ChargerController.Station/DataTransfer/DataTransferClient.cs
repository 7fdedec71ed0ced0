using System.Text.Json;
using ChargerController.Ocpp.Messages.DataTransfer;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.DataTransfer;

/// <summary>Sends DataTransfer to the CSMS (P01).</summary>
public sealed class DataTransferClient
{
    private readonly IStationMessageSender _sender;

    /// <summary>Initializes a new instance of the <see cref="DataTransferClient"/> class.</summary>
    /// <param name="sender">Sender.</param>
    public DataTransferClient(IStationMessageSender sender) => _sender = sender;

    /// <summary>Sends one DataTransfer and returns the CSMS answer (its status says Accepted/Rejected/UnknownVendorId/UnknownMessageId).</summary>
    /// <param name="vendorId">Vendor id.</param>
    /// <param name="messageId">Message id or null.</param>
    /// <param name="data">Data or null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The answer.</returns>
    public Task<DataTransferResponse> SendAsync(string vendorId, string? messageId, JsonElement? data, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendorId);
        return _sender.CallAsync<DataTransferRequest, DataTransferResponse>(new DataTransferRequest { VendorId = vendorId, MessageId = messageId, Data = data }, cancellationToken);
    }
}
