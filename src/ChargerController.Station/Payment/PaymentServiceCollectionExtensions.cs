using ChargerController.Station.DeviceModel;
using ChargerController.Station.DisplayMessages;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;
using ChargerController.Station.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargerController.Station.Payment;

/// <summary>Registers the ad hoc payment block (C17-C25).</summary>
public static class PaymentServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="PaymentModule"/> as <see cref="IStationModule"/>. Needs the <see cref="SessionCoordinator"/>,
    /// the <see cref="TransactionManager"/> and the <see cref="StationIdentity"/>. Uses, when registered: an
    /// <see cref="IPaymentTerminal"/> (none: QR code and prepaid only), an <see cref="ITransactionCostSource"/> (default: a
    /// <see cref="TariffCostBridge"/> over the tariff block's costs when it is registered, else <see cref="CsmsTotalCostSource"/>:
    /// the CSMS's totalCost) and an <see cref="IPaymentDisplay"/> (default: the display
    /// block's <see cref="IDisplayMessageSink"/>s) and an <see cref="IPaymentStore"/> (Storage's SqlitePaymentStore in chargerd;
    /// default in memory).
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="terminal">Creates the station's payment terminal; null keeps a registered one (or none).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPayment(this IServiceCollection services, Func<IServiceProvider, IPaymentTerminal>? terminal = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (terminal is not null)
        {
            services.RemoveAll<IPaymentTerminal>();
            services.AddSingleton(terminal);
        }

        // With the tariff block (AddTariffs) its costs (local calculation, CostUpdated) reach the payment block too.
        services.TryAddSingleton<ITransactionCostSource>(sp => sp.GetService<Tariffs.ITransactionCostSource>() is { } tariffs
            ? new TariffCostBridge(tariffs)
            : new CsmsTotalCostSource());
        services.TryAddSingleton<WebPaymentHolds>();
        services.TryAddSingleton<IPaymentDisplay>(sp => new DisplaySinkPaymentDisplay(sp.GetServices<IDisplayMessageSink>()));
        services.TryAddSingleton<IPaymentSessions>(sp => new PaymentSessions(sp.GetRequiredService<SessionCoordinator>(), sp.GetRequiredService<TransactionManager>()));
        services.AddSingleton(sp =>
        {
            var identity = sp.GetRequiredService<StationIdentity>();
            return new PaymentModule(
                sp.GetService<IPaymentTerminal>(),
                sp.GetRequiredService<IPaymentSessions>(),
                sp.GetRequiredService<ITransactionCostSource>(),
                sp.GetRequiredService<IPaymentDisplay>(),
                identity.EvseCount,
                identity.Identity,
                sp.GetService<IPaymentStore>(),
                sp.GetRequiredService<WebPaymentHolds>());
        });
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<PaymentModule>());
        return services;
    }
}
