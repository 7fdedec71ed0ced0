using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.DataTransfer;

namespace ChargerController.Station.DataTransfer;

/// <summary>Routes incoming DataTransfer (P02) to the registered vendor handler; unknown vendor → <c>UnknownVendorId</c>.</summary>
public sealed class DataTransferHandler : IOcppRequestHandler<DataTransferRequest, DataTransferResponse>
{
    private readonly Dictionary<string, IDataTransferVendorHandler> _vendors;

    /// <summary>Initializes a new instance of the <see cref="DataTransferHandler"/> class.</summary>
    /// <param name="vendors">The vendor handlers (one per vendor id).</param>
    public DataTransferHandler(IEnumerable<IDataTransferVendorHandler> vendors)
    {
        ArgumentNullException.ThrowIfNull(vendors);
        _vendors = new Dictionary<string, IDataTransferVendorHandler>(StringComparer.Ordinal);
        foreach (var vendor in vendors)
        {
            _vendors.TryAdd(vendor.VendorId, vendor);
        }
    }

    /// <inheritdoc/>
    public ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _vendors.TryGetValue(request.VendorId, out var vendor)
            ? vendor.HandleAsync(request, cancellationToken)
            : ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownVendorId });
    }
}
