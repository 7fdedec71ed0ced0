namespace ChargerController.Station.CustomerInformation;

/// <summary>
/// Something in the station that keeps data tied to a customer (authorization cache, local authorization list,
/// transaction records, charging sessions …). Each functional block that stores such data implements this port, so
/// CustomerInformation (N09/N10) can report and clear it without knowing the blocks. Implementations must be cheap to
/// call from the OCPP receive path's after-response hook and must never delete data a running transaction still needs
/// for billing (report it as kept instead).
/// </summary>
public interface ICustomerDataSource
{
    /// <summary>Gets a short name for the data kind, used as the line prefix in NotifyCustomerInformation (e.g. <c>AuthCache</c>).</summary>
    string Name { get; }

    /// <summary>Describes what is stored about the customer, one human-readable line per record.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The records (empty when nothing is stored).</returns>
    ValueTask<IReadOnlyList<string>> ReportAsync(CustomerReference customer, CancellationToken cancellationToken);

    /// <summary>Deletes what is stored about the customer, durably, and describes what was deleted.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The deleted records, one line each (empty when nothing was stored).</returns>
    ValueTask<IReadOnlyList<string>> ClearAsync(CustomerReference customer, CancellationToken cancellationToken);
}
