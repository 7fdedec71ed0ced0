using ChargerController.Worker.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChargerController.Worker;

/// <summary>Composes the station (EVSE loops, OCPP, devices real or simulated) into the host.</summary>
internal static class StationComposition
{
    public static void Add(IServiceCollection services, ChargerdOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
    }
}
