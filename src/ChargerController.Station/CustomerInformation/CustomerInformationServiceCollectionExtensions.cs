using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace ChargerController.Station.CustomerInformation;

/// <summary>Registers the CustomerInformation block for the Worker.</summary>
public static class CustomerInformationServiceCollectionExtensions
{
    /// <summary>
    /// Adds CustomerInformation (N09/N10) as an <see cref="IStationModule"/>. It asks every registered
    /// <see cref="ICustomerDataSource"/> (blocks add theirs: authorization cache, local list, transaction journal …) plus,
    /// when a <see cref="SessionCoordinator"/> is registered, the active sessions.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCustomerInformation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IStationModule>(sp =>
        {
            var sources = sp.GetServices<ICustomerDataSource>().ToList();
            if (sp.GetService<SessionCoordinator>() is { } sessions)
            {
                sources.Add(new ActiveSessionCustomerData(sessions));
            }

            return new CustomerInformationModule(sources);
        });
        return services;
    }
}
