using ChargerController.Ocpp.Messages.DataTransfer;

namespace ChargerController.Station.DataTransfer;

/// <summary>Handles incoming DataTransfer of one vendor (P02). Register one per vendor id.</summary>
public interface IDataTransferVendorHandler
{
    /// <summary>Gets the vendor id this handler serves (compared case-sensitively, as the spec's identifier string).</summary>
    string VendorId { get; }

    /// <summary>Handles a request of this vendor; return <c>UnknownMessageId</c> for message ids it does not know.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The answer.</returns>
    ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, CancellationToken cancellationToken);
}
