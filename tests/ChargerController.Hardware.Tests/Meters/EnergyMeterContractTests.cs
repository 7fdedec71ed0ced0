using ChargerController.Hardware.Abstractions.Metering;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Meters;

/// <summary>
/// The IEnergyMeter contract (conventions rule 11), run against every implementation: derive, say how to build a
/// healthy meter and a failing one. The simulated meter of the Simulator can run the same suite.
/// </summary>
public abstract class EnergyMeterContractTests
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));

    /// <summary>A meter that answers.</summary>
    protected abstract IEnergyMeter CreateHealthyMeter();

    /// <summary>A meter whose device does not answer at all.</summary>
    protected abstract IEnergyMeter CreateUnreachableMeter();

    /// <summary>Runs an operation of the meter under test (implementations on virtual time advance the clock here).</summary>
    protected virtual Task<T> RunAsync<T>(Func<Task<T>> operation) => operation();

    [Fact]
    public async Task Contract_Snapshot_IsConsistentWithPhases()
    {
        var meter = CreateHealthyMeter();
        var reading = await RunAsync(() => meter.ReadAsync(default).AsTask());

        Assert.InRange(meter.Phases, 1, 3);
        Assert.True(reading.VoltageV.Count is 0 || reading.VoltageV.Count == meter.Phases);
        Assert.True(reading.CurrentA.Count is 0 || reading.CurrentA.Count == meter.Phases);
        Assert.True(reading.PowerW.Count <= meter.Phases);
        Assert.All(reading.VoltageV.Concat(reading.CurrentA).Concat(reading.PowerW).Append(reading.TotalPowerW), v => Assert.True(double.IsFinite(v)));
        Assert.True(reading.EnergyImportWh >= 0);
        Assert.Equal(Time.GetUtcNow(), reading.Timestamp);
    }

    [Fact]
    public async Task Contract_EnergyImport_NeverDecreasesBetweenReads()
    {
        var meter = CreateHealthyMeter();
        var first = await RunAsync(() => meter.ReadAsync(default).AsTask());
        Time.Advance(TimeSpan.FromSeconds(10));
        var second = await RunAsync(() => meter.ReadAsync(default).AsTask());
        Assert.True(second.EnergyImportWh >= first.EnergyImportWh);
        Assert.True(second.Timestamp > first.Timestamp);
    }

    [Fact]
    public async Task Contract_Unreachable_FailsOnlyWithMeterReadException()
    {
        var meter = CreateUnreachableMeter();
        var ex = await Assert.ThrowsAsync<MeterReadException>(() => RunAsync(() => meter.ReadAsync(default).AsTask()));
        Assert.True(Enum.IsDefined(ex.Fault));
    }

    [Fact]
    public async Task Contract_CancelledToken_IsHonoured()
    {
        var meter = CreateHealthyMeter();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => meter.ReadAsync(new CancellationToken(canceled: true)).AsTask());
    }
}
