using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Station.Safety;
using ChargerController.Station.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Safety;

public sealed class LoopSupervisorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeControlPilot _pilot;
    private readonly FakeContactor _contactor;
    private readonly LoopSupervisor _supervisor;

    public LoopSupervisorTests()
    {
        _pilot = new FakeControlPilot(_time);
        _contactor = new FakeContactor(_time);
        var interlock = new PowerPathInterlock(_contactor, new PowerPathInterlockOptions(), 1);
        _supervisor = new LoopSupervisor(_time, TimeSpan.FromMilliseconds(500), new SafeState(_pilot, interlock, 1), 1);
        _contactor.Close(PhaseSelection.AllPhases);
        _pilot.SetPwm(50);
    }

    [Fact]
    public void Check_RegularBeats_NoStall()
    {
        for (var i = 0; i < 100; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            _supervisor.Beat();
            Assert.False(_supervisor.Check());
        }

        Assert.True(_contactor.AnyClosed);
    }

    [Fact]
    public void Check_NoBeatForTheTimeout_DrivesSafeStateOnceAndIsAcknowledgedOnce()
    {
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(_supervisor.Check());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(_supervisor.Check());
        Assert.False(_contactor.AnyClosed);
        Assert.Equal(CpGeneratorMode.StateF, _pilot.Output.Mode);
        Assert.True(_supervisor.StallDetected);
        Assert.True(_supervisor.TryAcknowledgeStall());
        Assert.False(_supervisor.TryAcknowledgeStall());
    }

    [Fact]
    public async Task RunAsync_OnItsOwnTimer_DetectsTheStall()
    {
        using var cts = new CancellationTokenSource();
        var run = _supervisor.RunAsync(cts.Token);
        for (var i = 0; i < 10 && _contactor.AnyClosed; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20); // let the timer continuation run on the thread pool
        }

        Assert.False(_contactor.AnyClosed);
        await cts.CancelAsync();
        await run;
    }
}
