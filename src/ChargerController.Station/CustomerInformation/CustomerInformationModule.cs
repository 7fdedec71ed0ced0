using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.CustomerInformation;

/// <summary>The CustomerInformation block (N09/N10) plugged into the runtime.</summary>
public sealed class CustomerInformationModule : IStationModule
{
    private readonly IReadOnlyList<ICustomerDataSource> _sources;

    /// <summary>Initializes a new instance of the <see cref="CustomerInformationModule"/> class.</summary>
    /// <param name="sources">Every block's customer data.</param>
    public CustomerInformationModule(IEnumerable<ICustomerDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
    }

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Register<CustomerInformationRequest, CustomerInformationResponse>(new CustomerInformationHandler(_sources, context.Sender, context.Time));
    }
}
