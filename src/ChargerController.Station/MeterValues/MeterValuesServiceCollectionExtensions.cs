using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.RemoteControl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargerController.Station.MeterValues;

/// <summary>Registers the meter-value extras that are not part of the transaction block.</summary>
public static class MeterValuesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>SignedMeterValues</c> custom trigger (<see cref="SignedMeterValuesTrigger"/>) for the EVSE meters
    /// registered as <c>IReadOnlyDictionary&lt;int, IEnergyMeter&gt;</c>. List <see cref="SignedMeterValuesTrigger.Name"/>
    /// in <c>StationIdentity.CustomTriggers</c> when the meters can sign (it answers NotImplemented when none can).
    /// </summary>
    /// <param name="services">Services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSignedMeterValuesTrigger(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SignedMeterValuesTrigger(sp.GetRequiredService<IReadOnlyDictionary<int, IEnergyMeter>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITriggeredMessageSource>(sp => sp.GetRequiredService<SignedMeterValuesTrigger>());
        return services;
    }
}
