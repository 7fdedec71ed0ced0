using ChargerController.Hardware.Abstractions.Contactor;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>What every <see cref="IContactor"/> must do, simulated or real (house rule 11).</summary>
public abstract class ContactorContractTests
{
    protected abstract IContactor Contactor { get; }

    /// <summary>Longest pick-up / drop-out time after which the mirror contact must agree with the command.</summary>
    protected virtual TimeSpan SettleTime => TimeSpan.FromMilliseconds(300);

    protected abstract Task WaitAsync(TimeSpan duration);

    [ContractFact]
    public void New_IsCommandedOpenAndReportsOpen()
    {
        var status = Contactor.ReadStatus();

        Assert.False(status.AnyCommandedClosed);
        Assert.NotEqual(ContactorFeedback.Closed, status.MainFeedback);
        Assert.Equal(Contactor.HasFeedback, status.MainFeedback != ContactorFeedback.NotAvailable);
    }

    [ContractFact]
    public async Task Close_AllPhases_CommandsEveryContactorAndFeedbackFollows()
    {
        Contactor.Close(PhaseSelection.AllPhases);
        await WaitAsync(SettleTime);
        var status = Contactor.ReadStatus();

        Assert.True(status.MainCommandedClosed);
        Assert.Equal(Contactor.SupportsPhaseSwitching, status.SecondCommandedClosed);
        Assert.False(status.FeedbackMismatch);
        if (Contactor.HasFeedback)
        {
            Assert.Equal(ContactorFeedback.Closed, status.MainFeedback);
        }

        Contactor.Open();
    }

    [ContractFact]
    public async Task Open_AfterClose_FeedbackReturnsToOpen()
    {
        Contactor.Close(PhaseSelection.AllPhases);
        await WaitAsync(SettleTime);
        Contactor.Open();
        await WaitAsync(SettleTime);
        var status = Contactor.ReadStatus();

        Assert.False(status.AnyCommandedClosed);
        Assert.False(status.FeedbackMismatch);
        Assert.NotEqual(ContactorFeedback.Closed, status.MainFeedback);
        Assert.NotEqual(ContactorFeedback.Closed, status.SecondFeedback);
    }

    [ContractFact]
    public void Open_WhenAlreadyOpen_IsHarmless()
    {
        Contactor.Open();
        Contactor.Open();

        Assert.False(Contactor.ReadStatus().AnyCommandedClosed);
    }

    [ContractFact]
    public async Task Close_SinglePhase_ClosesOnlyK1OrIsNotSupported()
    {
        if (!Contactor.SupportsPhaseSwitching)
        {
            Assert.Throws<NotSupportedException>(() => Contactor.Close(PhaseSelection.SinglePhase));
            Assert.False(Contactor.ReadStatus().AnyCommandedClosed);
            return;
        }

        Contactor.Close(PhaseSelection.SinglePhase);
        await WaitAsync(SettleTime);
        var status = Contactor.ReadStatus();
        Contactor.Open();

        Assert.True(status.MainCommandedClosed);
        Assert.False(status.SecondCommandedClosed);
        Assert.False(status.FeedbackMismatch);
    }

    [ContractFact]
    public void Close_SameSelectionTwice_IsHarmless()
    {
        Contactor.Close(PhaseSelection.AllPhases);
        Contactor.Close(PhaseSelection.AllPhases);

        Assert.True(Contactor.ReadStatus().MainCommandedClosed);
        Contactor.Open();
    }

    [ContractFact]
    public void Close_OtherSelectionWhileClosed_RefusesToSwitchK2UnderLoad()
    {
        if (!Contactor.SupportsPhaseSwitching)
        {
            return;
        }

        Contactor.Close(PhaseSelection.SinglePhase);

        Assert.Throws<InvalidOperationException>(() => Contactor.Close(PhaseSelection.AllPhases));
        var status = Contactor.ReadStatus();
        Contactor.Open();
        Assert.True(status.MainCommandedClosed);
        Assert.False(status.SecondCommandedClosed);
    }

    [ContractFact]
    public void Close_UndefinedSelection_ThrowsAndStaysOpen()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Contactor.Close((PhaseSelection)42));
        Assert.False(Contactor.ReadStatus().AnyCommandedClosed);
    }
}
