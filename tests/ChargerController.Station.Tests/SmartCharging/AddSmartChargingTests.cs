using ChargerController.Station.Evse;
using ChargerController.Station.Runtime;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Limits;
using ChargerController.Station.Tests.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChargerController.Station.Tests.SmartCharging.TestProfiles;

namespace ChargerController.Station.Tests.SmartCharging;

public sealed class AddSmartChargingTests
{
    [Fact]
    public void AddSmartCharging_OneModule_InstallerAndKeyedLimitSourcePerEvse()
    {
        var time = new FakeTimeProvider(T0);
        var transactions = new FakeTransactions();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IStationTransactions>(transactions)
            .AddSmartCharging(new SmartChargingOptions { Evses = [new SmartChargingEvseOptions { EvseId = 1, MaxCurrentA = 16 }, new SmartChargingEvseOptions { EvseId = 2 }] });
        using var provider = services.BuildServiceProvider();

        var module = provider.GetRequiredService<SmartChargingModule>();
        Assert.Same(module, Assert.Single(provider.GetServices<IStationModule>()));
        Assert.Same(module, provider.GetRequiredService<IChargingProfileInstaller>());
        var limit1 = provider.GetRequiredKeyedService<ICurrentLimitSource>(1);
        Assert.Same(module.Limits.LimitFor(1), limit1);
        Assert.Same(module.Limits.LimitFor(2), provider.GetRequiredKeyedService<ICurrentLimitSource>(2));
        Assert.Same(module.Limits, provider.GetRequiredService<ChargingLimitController>());

        module.Profiles.Install(At(0, Absolute(1, Ocpp.Enums.ChargingProfilePurposeEnumType.TxDefaultProfile, 0, T0, null, (0, 10m))));
        Assert.Equal(10, limit1.GetCurrentLimitA(time.GetUtcNow()));
        Assert.IsType<EvseCurrentLimit>(limit1);
    }
}
