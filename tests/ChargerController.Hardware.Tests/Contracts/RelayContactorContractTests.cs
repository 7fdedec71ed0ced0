using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Contactor;
using ChargerController.Hardware.Tests.Ports;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The real driver on fake ports whose mirror inputs follow the coils, as an NC auxiliary contact does.</summary>
public sealed class RelayContactorContractTests : ContactorContractTests
{
    private readonly List<string> coilWrites = [];
    private readonly CallbackDigitalOutput k1;
    private readonly CallbackDigitalOutput k2;
    private readonly FakeDigitalInput mirror1;
    private readonly RelayContactor relay;

    public RelayContactorContractTests()
    {
        k1 = new CallbackDigitalOutput(on => coilWrites.Add($"K1={on}"));
        k2 = new CallbackDigitalOutput(on => coilWrites.Add($"K2={on}"));
        mirror1 = new FakeDigitalInput(() => !k1.Value);
        relay = new RelayContactor(k1, k2, mirror1, new FakeDigitalInput(() => !k2.Value));
    }

    protected override IContactor Contactor => relay;

    protected override Task WaitAsync(TimeSpan duration) => Task.CompletedTask;

    [Fact]
    public void Create_DrivesBothCoilsOff()
    {
        Assert.Equal(["K2=False", "K1=False"], coilWrites);
    }

    [Fact]
    public void Open_DropsK2BeforeK1SoL2L3NeverStayLiveAlone()
    {
        relay.Close(PhaseSelection.AllPhases);
        coilWrites.Clear();

        relay.Open();

        Assert.Equal(["K2=False", "K1=False"], coilWrites);
    }

    [Fact]
    public void Close_EnergisesK1BeforeK2()
    {
        coilWrites.Clear();

        relay.Close(PhaseSelection.AllPhases);

        Assert.Equal(["K1=True", "K2=True"], coilWrites);
    }

    [Fact]
    public void Dispose_OpensThenReleasesOwnedPorts()
    {
        relay.Close(PhaseSelection.SinglePhase);

        relay.Dispose();

        Assert.False(k1.Value);
        Assert.False(k2.Value);
        Assert.True(mirror1.Disposed);
    }

    [Fact]
    public void MirrorStuckOpen_ReportsClosedWhileCommandedOpen_TheWeldSignature()
    {
        var coil = new FakeDigitalOutput();
        var welded = new RelayContactor(coil, null, new FakeDigitalInput(false), null);

        var status = welded.ReadStatus();

        Assert.False(status.MainCommandedClosed);
        Assert.Equal(ContactorFeedback.Closed, status.MainFeedback);
        Assert.True(status.FeedbackMismatch);
        Assert.Equal(ContactorFeedback.NotAvailable, status.SecondFeedback);
    }
}
