using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Simulator;

public sealed class SimulatedEvseTests
{
    // A plug → charge → pause → unplug script sampled every 250 ms of virtual time.
    private static async Task<List<string>> RunScenarioAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var evse = new SimulatedEvse(time);
        var trace = new List<string>();
        var state = CpState.Invalid;

        async Task StepAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                var sample = await evse.ControlPilot.SampleAsync(CancellationToken.None);
                state = CpStateClassifier.Classify(sample.Plateaus, state);
                var reading = await evse.Meter.ReadAsync(CancellationToken.None);
                trace.Add(FormattableString.Invariant($"{sample.Timestamp:O} {state} {sample.Plateaus.HighV:F3}/{sample.Plateaus.LowV:F3} {reading.TotalPowerW:F1} {reading.EnergyImportWh:F6}"));
            }
        }

        evse.ControlPilot.SetSteadyHigh();
        await StepAsync(4);
        evse.Ev.Plug(CpState.C);
        await StepAsync(4);
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        await StepAsync(8);
        evse.Contactor.Close(PhaseSelection.AllPhases);
        evse.Indicator(IndicatorRole.Charging).Show(IndicatorPattern.BlinkSlow);
        await StepAsync(40);
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(8));
        await StepAsync(8);
        evse.ControlPilot.SetSteadyHigh();
        await StepAsync(8);
        evse.Contactor.Open();
        evse.Ev.Unplug();
        await StepAsync(4);
        return trace;
    }

    [Fact]
    public async Task Scenario_RunTwiceOnFakeTime_IsIdentical()
    {
        var first = await RunScenarioAsync();
        var second = await RunScenarioAsync();

        Assert.Equal(first, second);
        Assert.Contains(first, line => line.Contains(" C ", StringComparison.Ordinal));
        Assert.EndsWith("A 12.000/12.000 0.0 " + first[^1].Split(' ')[^1], first[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario_PowerOnlyWhileContactorClosedAndEvInC()
    {
        var trace = await RunScenarioAsync();
        var charging = trace.Where(l => !l.Contains(" 0.0 ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(charging);
        Assert.All(charging, l => Assert.Contains(" C ", l, StringComparison.Ordinal));
    }
}
