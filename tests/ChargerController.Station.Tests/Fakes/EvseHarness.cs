using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Safety;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Fakes;

/// <summary>One EVSE wired to fakes on a virtual clock; the test drives it step by step (10 ms per step by default).</summary>
public sealed class EvseHarness : IAsyncDisposable
{
    public EvseHarness(
        Func<EvseOptions, EvseOptions>? configure = null,
        bool withRcd = true,
        bool withLock = false,
        bool withMeter = true,
        bool withProximityPilot = false,
        bool contactorFeedback = true,
        bool phaseSwitching = false,
        IEnumerable<ICurrentLimitSource>? limitSources = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Pilot = new FakeControlPilot(Time);
        Contactor = new FakeContactor(Time, contactorFeedback, phaseSwitching);
        Rcd = withRcd ? new FakeResidualCurrentMonitor() : null;
        Lock = withLock ? new FakeConnectorLock() : null;
        Meter = withMeter ? new FakeEnergyMeter(Time) : null;
        ProximityPilot = withProximityPilot ? new FakeProximityPilot(Time) : null;
        var options = new EvseOptions { RcdSelfTestAtStart = false };
        Options = configure?.Invoke(options) ?? options;
        Controller = new EvseController(
            new EvseDevices(Pilot, Contactor, Rcd, Lock, Meter, ProximityPilot),
            Options,
            Time,
            limitSources);
        Controller.EventRaised += (_, e) => Events.Add(e);
    }

    public FakeTimeProvider Time { get; }

    public FakeControlPilot Pilot { get; }

    public FakeContactor Contactor { get; }

    public FakeResidualCurrentMonitor? Rcd { get; }

    public FakeConnectorLock? Lock { get; }

    public FakeEnergyMeter? Meter { get; }

    public FakeProximityPilot? ProximityPilot { get; }

    public EvseOptions Options { get; }

    public EvseController Controller { get; }

    public List<EvseEvent> Events { get; } = [];

    public TimeSpan Period => Options.LoopPeriod;

    public IEnumerable<FaultKind> ActiveFaults => Controller.Snapshot.Faults.Select(f => f.Kind);

    /// <summary>Advances the clock by one period, then runs one step.</summary>
    public async Task StepAsync(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Time.Advance(Period);
            await Controller.StepAsync(CancellationToken.None);
        }
    }

    public Task RunForAsync(TimeSpan duration) => StepAsync((int)Math.Ceiling(duration / Period));

    /// <summary>Steps until the condition holds; returns the virtual time it took (fails after <paramref name="limit"/>).</summary>
    public async Task<TimeSpan> StepUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var start = Time.GetTimestamp();
        while (!condition())
        {
            var elapsed = Time.GetElapsedTime(start);
            Assert.True(elapsed <= limit, $"condition not met within {limit.TotalMilliseconds} ms");
            await StepAsync();
        }

        return Time.GetElapsedTime(start);
    }

    /// <summary>Plug in (B), authorize, go to C and wait until the contactor is closed.</summary>
    public async Task StartChargingAsync(double currentA = 16)
    {
        await StepAsync(3);
        Pilot.EvState = CpState.B;
        Controller.Authorize();
        await StepUntilAsync(() => Pilot.Output.IsPwmRunning, TimeSpan.FromSeconds(1));
        Pilot.EvState = CpState.C;
        if (Meter is not null)
        {
            Meter.CurrentA = currentA;
        }

        await StepUntilAsync(() => Contactor.MainClosed, TimeSpan.FromSeconds(3));
    }

    public T? LastEvent<T>()
        where T : EvseEvent => Events.OfType<T>().LastOrDefault();

    public ValueTask DisposeAsync() => Controller.DisposeAsync();
}
