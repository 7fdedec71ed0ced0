using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Simulator;

public sealed class SimulatedMeterTests : IDisposable
{
    private readonly FakeTimeProvider time = new();
    private readonly SimulatedEvse evse;

    public SimulatedMeterTests()
    {
        evse = new SimulatedEvse(time, new SimulatedEvseOptions { Ev = new SimulatedEvOptions { ResponseDelay = TimeSpan.Zero } });
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        evse.Ev.Plug(CpState.C);
    }

    public void Dispose() => evse.Dispose();

    [Fact]
    public async Task ThreePhases16AOneHour_Counts11040Wh()
    {
        evse.Contactor.Close(PhaseSelection.AllPhases);

        time.Advance(TimeSpan.FromHours(1));
        var reading = await evse.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(3 * 16 * 230.0, reading.EnergyImportWh, 6);
        Assert.Equal(3 * 16 * 230.0, reading.TotalPowerW, 6);
        Assert.Equal([230.0, 230.0, 230.0], reading.VoltageV);
        Assert.Equal(time.GetUtcNow(), reading.Timestamp);
    }

    [Fact]
    public async Task ContactorOpen_CountsNothing()
    {
        time.Advance(TimeSpan.FromHours(1));

        var reading = await evse.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(0.0, reading.EnergyImportWh);
        Assert.Equal(0.0, reading.TotalPowerW);
    }

    [Fact]
    public async Task ChangesBetweenReads_AreIntegratedExactly()
    {
        evse.Contactor.Close(PhaseSelection.AllPhases);
        time.Advance(TimeSpan.FromMinutes(30));                       // 3 × 16 A × 230 V × 0.5 h = 5520 Wh
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(10));
        time.Advance(TimeSpan.FromMinutes(30));                       // 3 × 10 A × 230 V × 0.5 h = 3450 Wh
        evse.Contactor.Open();
        evse.Contactor.Close(PhaseSelection.SinglePhase);
        time.Advance(TimeSpan.FromMinutes(60));                       // 1 × 10 A × 230 V × 1 h = 2300 Wh
        evse.Contactor.Open();
        time.Advance(TimeSpan.FromMinutes(60));

        var reading = await evse.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(5520.0 + 3450.0 + 2300.0, reading.EnergyImportWh, 6);
    }

    [Fact]
    public async Task EvResponseDelay_IsIntegratedWithoutReads()
    {
        using var delayed = new SimulatedEvse(time, new SimulatedEvseOptions { Ev = new SimulatedEvOptions { ResponseDelay = TimeSpan.FromMinutes(6) } });
        delayed.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        delayed.Ev.Plug(CpState.C);
        delayed.Contactor.Close(PhaseSelection.AllPhases);

        time.Advance(TimeSpan.FromHours(1));                          // draws only for the last 54 minutes
        Assert.Equal(16.0, delayed.Ev.FollowedAllowedCurrentA);
        var reading = await delayed.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(3 * 16 * 230.0 * 0.9, reading.EnergyImportWh, 6);
    }

    [Fact]
    public async Task MeterLoss_ThrowsMeterReadExceptionAndKeepsCountingMeanwhile()
    {
        evse.Contactor.Close(PhaseSelection.AllPhases);
        evse.Meter.Fault = MeterFault.Timeout;

        time.Advance(TimeSpan.FromHours(1));
        var ex = await Assert.ThrowsAsync<MeterReadException>(async () => await evse.Meter.ReadAsync(CancellationToken.None));
        evse.Meter.Fault = null;
        var reading = await evse.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(MeterFault.Timeout, ex.Fault);
        Assert.Equal(11040.0, reading.EnergyImportWh, 6);
    }

    [Fact]
    public async Task SinglePhaseMeter_ReportsL1Only()
    {
        using var single = new SimulatedEvse(time, new SimulatedEvseOptions
        {
            Ev = new SimulatedEvOptions { ResponseDelay = TimeSpan.Zero },
            Meter = new SimulatedMeterOptions { Phases = 1, VoltageV = 240, InitialEnergyImportWh = 1000 },
        });
        single.ControlPilot.SetPwm(DutyCycle.FromCurrent(20));
        single.Ev.Plug(CpState.C);
        single.Contactor.Close(PhaseSelection.AllPhases);

        time.Advance(TimeSpan.FromHours(2));
        var reading = await single.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(1, single.Meter.Phases);
        Assert.Single(reading.CurrentA);
        Assert.Equal(1000.0 + (20 * 240.0 * 2), reading.EnergyImportWh, 6);
    }

    [Fact]
    public async Task PwmChangedAtTheSameInstantAsTheContactor_IsCounted()
    {
        using var instant = new SimulatedEvse(time, new SimulatedEvseOptions { Ev = new SimulatedEvOptions { ResponseDelay = TimeSpan.Zero } });
        instant.Ev.Plug(CpState.C);
        instant.Contactor.Close(PhaseSelection.AllPhases);
        instant.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));

        time.Advance(TimeSpan.FromHours(1));
        var reading = await instant.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(11040.0, reading.EnergyImportWh, 6);
        Assert.Equal(16.0, reading.CurrentA[0], 6);
    }
}
