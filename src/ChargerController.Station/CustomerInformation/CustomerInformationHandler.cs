using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.CustomerInformation;

/// <summary>
/// CustomerInformation (N09/N10): Invalid unless exactly one customer reference is given (N09.FR.09), Rejected when
/// neither report nor clear is asked (N09.FR.07), else Accepted (N09.FR.02); after the answer every
/// <see cref="ICustomerDataSource"/> clears and/or reports, and the result goes out as NotifyCustomerInformation parts
/// (data ≤ 512 characters each, seqNo from 0, tbc on all but the last), or one "No data found" part (N09.FR.05/06).
/// </summary>
public sealed class CustomerInformationHandler : IOcppRequestHandler<CustomerInformationRequest, CustomerInformationResponse>, IOcppAfterResponse<CustomerInformationRequest, CustomerInformationResponse>
{
    /// <summary>The longest <c>data</c> of one NotifyCustomerInformation (schema maxLength).</summary>
    public const int MaxDataLength = 512;

    /// <summary>The report when no source holds anything about the customer.</summary>
    public const string NoDataFound = "No data found";

    private readonly IReadOnlyList<ICustomerDataSource> _sources;
    private readonly IStationMessageSender _sender;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="CustomerInformationHandler"/> class.</summary>
    /// <param name="sources">The customer data sources.</param>
    /// <param name="sender">Sender.</param>
    /// <param name="time">Clock.</param>
    public CustomerInformationHandler(IEnumerable<ICustomerDataSource> sources, IStationMessageSender sender, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        _sender = sender;
        _time = time;
    }

    /// <summary>Splits report lines into NotifyCustomerInformation parts.</summary>
    /// <param name="requestId">Request id.</param>
    /// <param name="generatedAt">Timestamp.</param>
    /// <param name="lines">The lines (an empty list gives one "No data found" part).</param>
    /// <returns>The parts.</returns>
    public static IReadOnlyList<NotifyCustomerInformationRequest> Build(int requestId, DateTimeOffset generatedAt, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var chunks = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in lines.Count == 0 ? [NoDataFound] : lines)
        {
            for (var start = 0; start < Math.Max(1, line.Length); start += MaxDataLength)
            {
                var piece = line.Length == 0 ? string.Empty : line.Substring(start, Math.Min(MaxDataLength, line.Length - start));
                var separator = current.Length == 0 ? 0 : 1;
                if (current.Length + separator + piece.Length > MaxDataLength)
                {
                    chunks.Add(current.ToString());
                    current.Clear();
                    separator = 0;
                }

                if (separator == 1)
                {
                    current.Append('\n');
                }

                current.Append(piece);
            }
        }

        chunks.Add(current.ToString());
        return [.. chunks.Select((data, i) => new NotifyCustomerInformationRequest
        {
            RequestId = requestId,
            SeqNo = i,
            Tbc = i < chunks.Count - 1 ? true : null,
            GeneratedAt = generatedAt,
            Data = data,
        })];
    }

    /// <inheritdoc/>
    public ValueTask<CustomerInformationResponse> HandleAsync(CustomerInformationRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var references = (request.IdToken is null ? 0 : 1) + (request.CustomerCertificate is null ? 0 : 1) + (request.CustomerIdentifier is null ? 0 : 1);
        if (references != 1)
        {
            return Answer(CustomerInformationStatusEnumType.Invalid, "Exactly one of idToken, customerCertificate, customerIdentifier");
        }

        if (!request.Report && !request.Clear)
        {
            return Answer(CustomerInformationStatusEnumType.Rejected, "Neither report nor clear requested");
        }

        return Answer(CustomerInformationStatusEnumType.Accepted, null);
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(CustomerInformationRequest request, CustomerInformationResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != CustomerInformationStatusEnumType.Accepted)
        {
            return;
        }

        var customer = new CustomerReference(request.IdToken?.IdToken, request.IdToken?.Type, request.CustomerCertificate, request.CustomerIdentifier);
        var lines = new List<string>();
        foreach (var source in _sources)
        {
            // N10: with clear and report, the report is what was removed.
            var records = request.Clear
                ? await source.ClearAsync(customer, cancellationToken).ConfigureAwait(false)
                : await source.ReportAsync(customer, cancellationToken).ConfigureAwait(false);
            lines.AddRange(records.Select(r => source.Name + ": " + r));
        }

        if (!request.Report)
        {
            return;
        }

        foreach (var part in Build(request.RequestId, _time.GetUtcNow(), lines))
        {
            _ = await _sender.CallAsync<NotifyCustomerInformationRequest, NotifyCustomerInformationResponse>(part, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ValueTask<CustomerInformationResponse> Answer(CustomerInformationStatusEnumType status, string? reason) =>
        ValueTask.FromResult(new CustomerInformationResponse
        {
            Status = status,
            StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = status == CustomerInformationStatusEnumType.Invalid ? "InvalidValue" : "Unspecified", AdditionalInfo = reason },
        });
}
