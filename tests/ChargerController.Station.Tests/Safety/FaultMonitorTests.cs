using ChargerController.Station.Safety;

namespace ChargerController.Station.Tests.Safety;

public sealed class FaultMonitorTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Raise_SameKindTwice_ReportsOnce()
    {
        var m = new FaultMonitor();
        Assert.True(m.Raise(FaultKind.RcdTripped, "a", T0));
        Assert.False(m.Raise(FaultKind.RcdTripped, "b", T0));
        var changes = new List<FaultChange>();
        m.DrainChanges(changes);
        Assert.Single(changes);
        Assert.Equal("a", m.Snapshot().Single().Reason);
    }

    [Fact]
    public void ConditionGone_ClearsOnlyConditionFaults()
    {
        var m = new FaultMonitor();
        m.Raise(FaultKind.CpShortCircuit, "e", T0);
        m.Raise(FaultKind.RcdTripped, "rcd", T0);
        m.ConditionGone(FaultKind.CpShortCircuit);
        m.ConditionGone(FaultKind.RcdTripped);
        Assert.Equal([FaultKind.RcdTripped], m.Snapshot().Select(f => f.Kind));
    }

    [Fact]
    public void Unplugged_ClearsOnlyUnplugFaults()
    {
        var m = new FaultMonitor();
        m.Raise(FaultKind.DiodeFailure, "d", T0);
        m.Raise(FaultKind.Overcurrent, "o", T0);
        m.Raise(FaultKind.ContactorWelded, "w", T0);
        m.Unplugged();
        Assert.Equal([FaultKind.ContactorWelded], m.Snapshot().Select(f => f.Kind));
    }

    [Fact]
    public void StrongestSignal_TakesTheMostRestrictive()
    {
        var m = new FaultMonitor();
        Assert.Equal(CpSafeSignal.KeepPwm, m.StrongestSignal);
        m.Raise(FaultKind.VentilationNotAvailable, "d", T0);
        Assert.Equal(CpSafeSignal.KeepPwm, m.StrongestSignal);
        m.Raise(FaultKind.Overcurrent, "o", T0);
        Assert.Equal(CpSafeSignal.SteadyHigh, m.StrongestSignal);
        m.Raise(FaultKind.ContactorWelded, "w", T0);
        Assert.Equal(CpSafeSignal.StateF, m.StrongestSignal);
    }

    [Fact]
    public void FaultCatalog_EveryKindHasAReaction()
    {
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            var reaction = FaultCatalog.ReactionTo(kind);
            Assert.True(Enum.IsDefined(reaction.Signal));
            Assert.True(Enum.IsDefined(reaction.ClearRule));

            // A fault cleared by unplugging must leave the EV visible: state F hides it.
            if (reaction.ClearRule == FaultClearRule.OnUnplug)
            {
                Assert.NotEqual(CpSafeSignal.StateF, reaction.Signal);
            }
        }

        Assert.Equal(FaultCatalog.Count, Enum.GetValues<FaultKind>().Length);
    }
}
