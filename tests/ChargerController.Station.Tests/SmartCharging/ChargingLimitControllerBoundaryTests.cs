using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Limits;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Station.Tests.Conformance;
using Microsoft.Extensions.Time.Testing;
using static ChargerController.Station.Tests.SmartCharging.TestProfiles;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>
/// The boundary timer of <see cref="ChargingLimitController"/> when the clock moves between the moment a recompute reads
/// it and the moment it arms the timer (a thread descheduled there, or another thread advancing a virtual clock): the
/// next period must still start at its boundary (K01.FR.07), not late by the time the clock moved.
/// </summary>
public sealed class ChargingLimitControllerBoundaryTests
{
    // TxDefault on EVSE 1: 6 A from T0, 10 A from T0 + 100 s.
    private static readonly InstalledChargingProfile SixThenTen =
        At(1, Absolute(1, ChargingProfilePurposeEnumType.TxDefaultProfile, 0, T0, null, (0, 6m), (100, 10m)));

    [Fact]
    public void Recompute_ClockMovedBeforeTheTimerWasArmed_NextPeriodStartsAtItsBoundary()
    {
        var fake = new FakeTimeProvider(T0);
        var clock = new LaggingClock(fake);
        using var module = new SmartChargingModule(Options(), new InMemoryChargingProfileStore(), new FakeTransactions(), clock);
        module.Profiles.Install(SixThenTen);
        var limit = module.Limits.LimitFor(1);
        fake.Advance(TimeSpan.FromSeconds(99));
        Assert.Equal(6, limit.CurrentLimitA);

        // A recompute that read the clock at T0 + 95 s arms its timer only now, at T0 + 99 s.
        clock.LagNextRead(T0.AddSeconds(95));
        module.Limits.Recompute();
        Assert.Equal(6, limit.CurrentLimitA);

        fake.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, limit.CurrentLimitA);
    }

    [Fact]
    public void Recompute_BoundaryPassedDuringTheComputation_ComputesAgainAtOnce()
    {
        var fake = new FakeTimeProvider(T0);
        var clock = new LaggingClock(fake);
        using var module = new SmartChargingModule(Options(), new InMemoryChargingProfileStore(), new FakeTransactions(), clock);
        var changes = new List<double>();
        module.Limits.LimitChanged += (_, e) => changes.Add(e.LimitA);
        fake.Advance(TimeSpan.FromSeconds(110));

        // The install's recompute read the clock at T0 + 95 s (6 A until T0 + 100 s); it is T0 + 110 s when it arms the timer.
        clock.LagNextRead(T0.AddSeconds(95));
        module.Profiles.Install(SixThenTen);

        Assert.Equal(10, module.Limits.LimitFor(1).CurrentLimitA);
        Assert.True(module.Limits.LimitFor(1).ValidUntil > fake.GetUtcNow());
        Assert.Equal(10, changes[^1]);
    }

    private static SmartChargingOptions Options() => new() { Evses = [new SmartChargingEvseOptions { EvseId = 1, MaxCurrentA = 32, SupplyPhases = 3 }] };

    /// <summary>A virtual clock whose next reading can be a stale one: what a thread sees that read the clock just before another advanced it.</summary>
    private sealed class LaggingClock(FakeTimeProvider inner) : TimeProvider
    {
        private DateTimeOffset? _stale;

        public override long TimestampFrequency => inner.TimestampFrequency;

        public void LagNextRead(DateTimeOffset stale) => _stale = stale;

        public override DateTimeOffset GetUtcNow()
        {
            if (_stale is { } stale)
            {
                _stale = null;
                return stale;
            }

            return inner.GetUtcNow();
        }

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
