using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Simulator;

public sealed class SimulatedContactorTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(30);
    private readonly FakeTimeProvider time = new();
    private readonly SimulatedContactor contactor;

    public SimulatedContactorTests() => contactor = new SimulatedContactor(time, new SimulatedContactorOptions { FeedbackDelay = Settle });

    [Fact]
    public void Feedback_FollowsTheCommandOnlyAfterThePickUpTime()
    {
        contactor.Close(PhaseSelection.AllPhases);

        time.Advance(Settle - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ContactorFeedback.Open, contactor.ReadStatus().MainFeedback);
        Assert.True(contactor.ReadStatus().FeedbackMismatch);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ContactorFeedback.Closed, contactor.ReadStatus().MainFeedback);
        Assert.False(contactor.ReadStatus().FeedbackMismatch);
    }

    [Fact]
    public void Welding_ClosedContactsStayClosedAfterOpen()
    {
        contactor.Close(PhaseSelection.AllPhases);
        time.Advance(Settle);
        contactor.Welding = true;

        contactor.Open();
        time.Advance(TimeSpan.FromSeconds(1));
        var status = contactor.ReadStatus();

        Assert.False(status.MainCommandedClosed);
        Assert.Equal(ContactorFeedback.Closed, status.MainFeedback);
        Assert.True(status.FeedbackMismatch);
        Assert.True(contactor.L1Conducting);
        Assert.True(contactor.L2L3Conducting);
    }

    [Fact]
    public void Welding_ArmedWhileOpen_WeldsOnTheNextClose()
    {
        contactor.Welding = true;
        contactor.Close(PhaseSelection.SinglePhase);
        time.Advance(Settle);

        contactor.Open();
        time.Advance(Settle);

        Assert.Equal(ContactorFeedback.Closed, contactor.ReadStatus().MainFeedback);
        Assert.Equal(ContactorFeedback.Open, contactor.ReadStatus().SecondFeedback);
        Assert.True(contactor.L1Conducting);
        Assert.False(contactor.L2L3Conducting);
    }

    [Fact]
    public void ClearFaults_ThenOpen_ReleasesWeldedContacts()
    {
        contactor.Close(PhaseSelection.AllPhases);
        contactor.Welding = true;
        contactor.Open();

        contactor.ClearFaults();
        contactor.Open();
        time.Advance(Settle);

        Assert.False(contactor.L1Conducting);
        Assert.Equal(ContactorFeedback.Open, contactor.ReadStatus().MainFeedback);
    }

    [Fact]
    public void FeedbackLost_ReadsClosedWhileOpen()
    {
        contactor.FeedbackLost = true;
        time.Advance(Settle);
        var status = contactor.ReadStatus();

        Assert.False(status.AnyCommandedClosed);
        Assert.Equal(ContactorFeedback.Closed, status.MainFeedback);
        Assert.True(status.FeedbackMismatch);
        Assert.False(contactor.L1Conducting);
    }

    [Fact]
    public void FailToClose_CoilEnergisedButContactsStayOpen()
    {
        contactor.FailToClose = true;

        contactor.Close(PhaseSelection.AllPhases);
        time.Advance(TimeSpan.FromSeconds(1));
        var status = contactor.ReadStatus();

        Assert.True(status.MainCommandedClosed);
        Assert.Equal(ContactorFeedback.Open, status.MainFeedback);
        Assert.True(status.FeedbackMismatch);
        Assert.False(contactor.L1Conducting);
    }

    [Fact]
    public void SinglePhase_OnlyL1Conducts()
    {
        contactor.Close(PhaseSelection.SinglePhase);

        Assert.True(contactor.L1Conducting);
        Assert.False(contactor.L2L3Conducting);
    }

    [Fact]
    public void WithoutPhaseSwitching_K1SwitchesAllPhases()
    {
        var single = new SimulatedContactor(time, new SimulatedContactorOptions { SupportsPhaseSwitching = false });

        single.Close(PhaseSelection.AllPhases);

        Assert.True(single.L2L3Conducting);
        Assert.Equal(ContactorFeedback.NotAvailable, single.ReadStatus().SecondFeedback);
    }
}
