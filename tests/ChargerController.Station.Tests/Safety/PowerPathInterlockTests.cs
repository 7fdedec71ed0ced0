using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Safety;
using ChargerController.Station.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Safety;

public sealed class PowerPathInterlockTests
{
    private static readonly InterlockConditions AllHold = new(
        EvState: CpState.C,
        SampledState: CpState.C,
        VentilationAvailable: false,
        PwmRunning: true,
        SessionAuthorized: true,
        EvseAvailable: true,
        NoActiveFault: true,
        RcdHealthy: true,
        ConnectorLocked: true,
        DiodeCheckPassed: true,
        SampledDiodeOk: true,
        CableRatingKnown: true,
        CurrentOffered: true,
        EvStoppedDrawing: false,
        EnergyRequestWithdrawn: false,
        EnergyRequestSettled: true);

    private readonly FakeTimeProvider _time = new();
    private readonly FakeContactor _contactor;
    private readonly PowerPathInterlock _interlock;

    public PowerPathInterlockTests()
    {
        _contactor = new FakeContactor(_time, hasFeedback: true, supportsPhaseSwitching: true);
        _interlock = new PowerPathInterlock(_contactor, new PowerPathInterlockOptions(), evseId: 1);
    }

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    public static TheoryData<string> EachCondition() =>
        new(["EvState", "Sampled", "Pwm", "Authorized", "Available", "Fault", "Rcd", "Lock", "Diode", "SampledDiode", "Cable", "Current", "D", "Withdrawn", "Unsettled"]);

    private static InterlockConditions Without(string condition) => condition switch
    {
        "EvState" => AllHold with { EvState = CpState.B, SampledState = CpState.B },
        "Sampled" => AllHold with { SampledState = CpState.B },
        "Pwm" => AllHold with { PwmRunning = false },
        "Authorized" => AllHold with { SessionAuthorized = false },
        "Available" => AllHold with { EvseAvailable = false },
        "Fault" => AllHold with { NoActiveFault = false },
        "Rcd" => AllHold with { RcdHealthy = false },
        "Lock" => AllHold with { ConnectorLocked = false },
        "Diode" => AllHold with { DiodeCheckPassed = false },
        "SampledDiode" => AllHold with { SampledDiodeOk = false },
        "Cable" => AllHold with { CableRatingKnown = false },
        "Current" => AllHold with { CurrentOffered = false },
        "D" => AllHold with { EvState = CpState.D, SampledState = CpState.D },
        "Withdrawn" => AllHold with { SampledState = CpState.B, EnergyRequestWithdrawn = true, EnergyRequestSettled = false },
        "Unsettled" => AllHold with { EnergyRequestSettled = false },
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    [Fact]
    public void Evaluate_AllConditionsHold_Closes()
    {
        var outcome = _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        Assert.True(outcome.Closed);
        Assert.Equal(InterlockCondition.None, outcome.Unmet);
        Assert.True(_contactor.MainClosed);
        Assert.True(_contactor.SecondClosed);
    }

    [Theory]
    [MemberData(nameof(EachCondition))]
    public void Evaluate_AnyConditionMissing_NeverCloses(string missing)
    {
        var outcome = _interlock.Evaluate(Without(missing), PhaseSelection.AllPhases, Ms(0));
        Assert.False(outcome.Closed);
        Assert.NotEqual(InterlockCondition.None, outcome.Unmet);
        Assert.Equal(0, _contactor.CloseCount);
    }

    [Fact]
    public void Evaluate_StateDWithVentilation_Closes()
    {
        var outcome = _interlock.Evaluate(AllHold with { EvState = CpState.D, SampledState = CpState.D, VentilationAvailable = true }, PhaseSelection.AllPhases, Ms(0));
        Assert.True(outcome.Closed);
    }

    [Theory]
    [InlineData("EvState")]
    [InlineData("Fault")]
    [InlineData("Rcd")]
    [InlineData("Lock")]
    [InlineData("Diode")]
    [InlineData("Cable")]
    [InlineData("D")]
    [InlineData("Withdrawn")]
    public void Evaluate_HardConditionLostWhileClosed_OpensAtOnce(string lost)
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        var outcome = _interlock.Evaluate(Without(lost), PhaseSelection.AllPhases, Ms(10));
        Assert.False(outcome.Closed);
        Assert.False(_contactor.AnyClosed);
    }

    [Fact]
    public void Evaluate_OneUnconfirmedNoisySampleWhileClosed_DoesNotOpen()
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        var outcome = _interlock.Evaluate(AllHold with { SampledState = CpState.Invalid, EnergyRequestSettled = false }, PhaseSelection.AllPhases, Ms(10));
        Assert.True(outcome.Closed);
    }

    [Theory]
    [InlineData(CpState.B)]
    [InlineData(CpState.A)]
    [InlineData(CpState.E)]
    [InlineData(CpState.F)]
    [InlineData(CpState.Invalid)]
    public void Evaluate_RequestWithdrawnBeforeTheDebouncedStateMoves_OpensAtOnce(CpState sampled)
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));

        // The debounced state still says C: only the fast signal has moved.
        var outcome = _interlock.Evaluate(AllHold with { SampledState = sampled, EnergyRequestWithdrawn = true, EnergyRequestSettled = false }, PhaseSelection.AllPhases, Ms(10));
        Assert.False(outcome.Closed);
        Assert.False(_contactor.AnyClosed);
        Assert.True(outcome.Unmet.HasFlag(InterlockCondition.EvRequestsEnergy));
    }

    [Fact]
    public void Evaluate_DiodeFailingSampleConfirmedWhileClosed_OpensAtOnceNamingTheDiode()
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        var outcome = _interlock.Evaluate(AllHold with { SampledDiodeOk = false, EnergyRequestWithdrawn = true, EnergyRequestSettled = false }, PhaseSelection.AllPhases, Ms(10));
        Assert.False(outcome.Closed);
        Assert.True(outcome.Unmet.HasFlag(InterlockCondition.DiodeCheckPassed));
    }

    [Fact]
    public void Evaluate_AfterAWithdrawal_DoesNotReCloseUntilTheRequestSettles()
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        _interlock.Evaluate(Without("Withdrawn"), PhaseSelection.AllPhases, Ms(10));

        // The EV is back in C (debounced C never left), but the request has not been continuous for the debounce yet.
        Assert.False(_interlock.Evaluate(AllHold with { EnergyRequestSettled = false }, PhaseSelection.AllPhases, Ms(20)).Closed);
        Assert.True(_interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(120)).Closed);
        Assert.Equal(2, _contactor.CloseCount);
    }

    [Theory]
    [InlineData("Pwm")]
    [InlineData("Authorized")]
    [InlineData("Available")]
    [InlineData("Current")]
    public void Evaluate_SoftConditionLost_HoldsUntilTheSoftStopTimeout(string lost)
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        var c = Without(lost);
        Assert.True(_interlock.Evaluate(c, PhaseSelection.AllPhases, Ms(10)).SoftStopping);
        Assert.True(_interlock.Evaluate(c, PhaseSelection.AllPhases, Ms(6009)).Closed);
        Assert.False(_interlock.Evaluate(c, PhaseSelection.AllPhases, Ms(6010)).Closed);
    }

    [Fact]
    public void Evaluate_SoftStop_OpensAsSoonAsTheEvStopsDrawing()
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        _interlock.Evaluate(AllHold with { PwmRunning = false }, PhaseSelection.AllPhases, Ms(10));
        Assert.False(_interlock.Evaluate(AllHold with { PwmRunning = false, EvStoppedDrawing = true }, PhaseSelection.AllPhases, Ms(500)).Closed);
    }

    [Fact]
    public void Evaluate_PhaseSelectionChangeWhileClosed_IsSoftStoppedNeverSwitchedUnderLoad()
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        Assert.True(_interlock.Evaluate(AllHold, PhaseSelection.SinglePhase, Ms(10)).Closed);
        Assert.True(_contactor.SecondClosed);
        Assert.False(_interlock.Evaluate(AllHold with { EvStoppedDrawing = true }, PhaseSelection.SinglePhase, Ms(20)).Closed);
        Assert.True(_interlock.Evaluate(AllHold, PhaseSelection.SinglePhase, Ms(30)).Closed);
        Assert.False(_contactor.SecondClosed);
        Assert.Equal(PhaseSelection.SinglePhase, _interlock.ClosedPhases);
    }

    [Fact]
    public void Evaluate_MirrorStillClosedAfterOpening_ReportsWeldedAfterTheBudget()
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        _contactor.Welded = true;
        var off = Without("EvState");
        Assert.Equal(ContactorSupervision.Healthy, _interlock.Evaluate(off, PhaseSelection.AllPhases, Ms(10)).Supervision);
        Assert.Equal(ContactorSupervision.Healthy, _interlock.Evaluate(off, PhaseSelection.AllPhases, Ms(300)).Supervision);
        Assert.Equal(ContactorSupervision.Welded, _interlock.Evaluate(off, PhaseSelection.AllPhases, Ms(310)).Supervision);
    }

    [Fact]
    public void Evaluate_MirrorStillOpenAfterClosing_OpensAndReportsDidNotClose()
    {
        _contactor.FailsToClose = true;
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        Assert.True(_contactor.MainClosed);
        var outcome = _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(300));
        Assert.Equal(ContactorSupervision.DidNotClose, outcome.Supervision);
        Assert.False(outcome.Closed);
        Assert.False(_contactor.AnyClosed);
    }

    [Fact]
    public void Evaluate_CloseThrows_OpensAndReportsPortFailure()
    {
        _contactor.ThrowOnClose = new IOException("coil driver");
        var outcome = _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        Assert.Equal(ContactorSupervision.PortFailure, outcome.Supervision);
        Assert.False(outcome.Closed);
    }

    [Fact]
    public void Evaluate_ReadStatusThrows_OpensAndReportsPortFailure()
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        _contactor.ThrowOnRead = new IOException("mirror input");
        var outcome = _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(10));
        Assert.Equal(ContactorSupervision.PortFailure, outcome.Supervision);
        Assert.False(_contactor.AnyClosed);
    }

    [Fact]
    public void Evaluate_PortDisagreesWithCommand_OpensAndReportsPortFailure()
    {
        _contactor.Close(PhaseSelection.AllPhases); // switched behind the interlock's back
        var outcome = _interlock.Evaluate(Without("Pwm"), PhaseSelection.AllPhases, Ms(0));
        Assert.Equal(ContactorSupervision.PortFailure, outcome.Supervision);
        Assert.False(_contactor.AnyClosed);
    }

    [Fact]
    public void ForceOpen_OpenThrows_ReturnsFalseWithoutThrowing()
    {
        _interlock.Evaluate(AllHold, PhaseSelection.AllPhases, Ms(0));
        _contactor.ThrowOnOpen = new IOException("stuck driver");
        Assert.False(_interlock.ForceOpen("test"));
        Assert.False(_interlock.IsClosed);
    }

    [Fact]
    public void Constructor_SoftStopBeyondSixSeconds_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerPathInterlock(_contactor, new PowerPathInterlockOptions { SoftStopTimeout = TimeSpan.FromSeconds(7) }, 1));
}
