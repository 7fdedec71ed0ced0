using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Station.SmartCharging.Composite;
using ChargerController.Station.SmartCharging.LoadBalancing;
using CsCheck;

namespace ChargerController.Station.Tests.SmartCharging;

public sealed class LocalLoadBalancerTests
{
    private static LoadBalancerEvse Evse(int id, EvseDemand demand, double limit = 32, long rank = 0, double minimum = 6) => new(id, demand, limit, minimum, rank == 0 ? id : rank);

    [Fact]
    public void TwoCharging_ShareEqually()
    {
        var result = LocalLoadBalancer.Allocate(20, [Evse(1, EvseDemand.Charging), Evse(2, EvseDemand.Charging)]);
        Assert.Equal(10, result[1]);
        Assert.Equal(10, result[2]);
    }

    [Fact]
    public void LowOwnLimit_LeavesTheRestToOthers()
    {
        var result = LocalLoadBalancer.Allocate(30, [Evse(1, EvseDemand.Charging, limit: 8), Evse(2, EvseDemand.Charging), Evse(3, EvseDemand.Charging)]);
        Assert.Equal(8, result[1]);
        Assert.Equal(11, result[2]);
        Assert.Equal(11, result[3]);
    }

    [Fact]
    public void BelowMinimum_LastInPrecedencePauses_OthersCharge()
    {
        var result = LocalLoadBalancer.Allocate(16, [Evse(1, EvseDemand.Charging, rank: 5), Evse(2, EvseDemand.Charging, rank: 1), Evse(3, EvseDemand.Charging, rank: 9)]);
        Assert.Equal(0, result[3]);
        Assert.Equal(8, result[1]);
        Assert.Equal(8, result[2]);
    }

    [Fact]
    public void MinChargingRate_RaisesTheMinimum()
    {
        var result = LocalLoadBalancer.Allocate(20, [Evse(1, EvseDemand.Charging, minimum: 12), Evse(2, EvseDemand.Charging)]);
        Assert.Equal(20, result[1]);
        Assert.Equal(0, result[2]);
    }

    [Fact]
    public void Suspended_KeepsMinimum_ThenGetsLeftover_IdleGetsRestInTurn()
    {
        var result = LocalLoadBalancer.Allocate(40, [Evse(1, EvseDemand.Suspended), Evse(2, EvseDemand.Charging, limit: 16), Evse(3, EvseDemand.Idle), Evse(4, EvseDemand.Idle)]);
        Assert.Equal(16, result[2]);
        Assert.Equal(24, result[1]);
        Assert.Equal(0, result[3]);
        Assert.Equal(0, result[4]);

        var tight = LocalLoadBalancer.Allocate(10, [Evse(1, EvseDemand.Suspended), Evse(2, EvseDemand.Charging)]);
        Assert.Equal(6, tight[1]);
        Assert.Equal(0, tight[2]); // 4 A left is below the minimum: pause rather than run at 4 A
    }

    [Fact]
    public void Property_NeverExceedsBudgetOrOwnLimit_NeverBetweenZeroAndMinimumForCharging()
    {
        var evse = Gen.Select(Gen.Int[0, 2], Gen.Double[0, 40], Gen.Double[6, 10], Gen.Long[0, 100]);
        Gen.Select(Gen.Double[0, 100], evse.Array[1, 6]).Sample((budget, raw) =>
        {
            var evses = raw.Select((e, i) => new LoadBalancerEvse(i + 1, (EvseDemand)e.Item1, e.Item2, e.Item3, e.Item4)).ToList();
            var result = LocalLoadBalancer.Allocate(budget, evses);
            Assert.True(result.Values.Sum() <= budget + 1e-9, $"sum {result.Values.Sum()} > {budget}");
            foreach (var e in evses)
            {
                Assert.InRange(result[e.EvseId], 0, Math.Max(0, e.LimitA) + 1e-9);
                if (e.Demand == EvseDemand.Charging && result[e.EvseId] > 0)
                {
                    Assert.True(result[e.EvseId] >= e.MinimumA - 1e-9);
                }
            }
        });
    }

    [Fact]
    public void PhaseSwitch_PowerLimitBelowThreePhaseMinimum_GoesSinglePhase_BackWithHysteresis()
    {
        static CompositeSegment Slot(double watts, int phases = 3) =>
            new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), double.PositiveInfinity, watts, 0, 0, phases, null, 32, 230, 0);

        Assert.Equal(PhaseSelection.SinglePhase, PhaseSwitchPolicy.Decide(Slot(4000), double.PositiveInfinity, double.PositiveInfinity, PhaseSelection.AllPhases, 6, 3));
        Assert.Equal(PhaseSelection.AllPhases, PhaseSwitchPolicy.Decide(Slot(4200), double.PositiveInfinity, double.PositiveInfinity, PhaseSelection.AllPhases, 6, 3));

        // 6.2 A on three phases is above 6 A but inside the hysteresis: stay on one phase.
        Assert.Equal(PhaseSelection.SinglePhase, PhaseSwitchPolicy.Decide(Slot(4300), double.PositiveInfinity, double.PositiveInfinity, PhaseSelection.SinglePhase, 6, 3));
        Assert.Equal(PhaseSelection.AllPhases, PhaseSwitchPolicy.Decide(Slot(5000), double.PositiveInfinity, double.PositiveInfinity, PhaseSelection.SinglePhase, 6, 3));

        // numberPhases 1 in the schedule forces single phase; 1-phase wiring never switches.
        Assert.Equal(PhaseSelection.SinglePhase, PhaseSwitchPolicy.Decide(Slot(11000, phases: 1), double.PositiveInfinity, double.PositiveInfinity, PhaseSelection.AllPhases, 6, 3));
        Assert.Equal(PhaseSelection.AllPhases, PhaseSwitchPolicy.Decide(Slot(1000), double.PositiveInfinity, double.PositiveInfinity, PhaseSelection.AllPhases, 6, 1));

        // An ampere budget below the minimum is not helped by dropping phases.
        Assert.Equal(PhaseSelection.AllPhases, PhaseSwitchPolicy.Decide(Slot(4000), 5, 5, PhaseSelection.AllPhases, 6, 3));
    }
}
