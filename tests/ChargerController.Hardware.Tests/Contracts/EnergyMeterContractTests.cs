using ChargerController.Hardware.Abstractions.Metering;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>What every <see cref="IEnergyMeter"/> must do, simulated or Modbus (house rule 11).</summary>
public abstract class EnergyMeterContractTests
{
    protected abstract IEnergyMeter Meter { get; }

    protected abstract Task WaitAsync(TimeSpan duration);

    [ContractFact]
    public async Task ReadAsync_ReturnsOneValuePerMeasuredPhase()
    {
        var reading = await Meter.ReadAsync(CancellationToken.None);

        Assert.True(Meter.Phases is 1 or 3);
        Assert.Equal(Meter.Phases, reading.VoltageV.Count);
        Assert.Equal(Meter.Phases, reading.CurrentA.Count);
        Assert.Equal(Meter.Phases, reading.PowerW.Count);
        Assert.All(reading.VoltageV, v => Assert.InRange(v, 0, 500));
        Assert.False(double.IsNaN(reading.EnergyImportWh));
    }

    [ContractFact]
    public async Task ReadAsync_Twice_EnergyNeverDecreasesAndTimeAdvances()
    {
        var first = await Meter.ReadAsync(CancellationToken.None);
        await WaitAsync(TimeSpan.FromSeconds(1));
        var second = await Meter.ReadAsync(CancellationToken.None);

        Assert.True(second.EnergyImportWh >= first.EnergyImportWh);
        Assert.True(second.Timestamp > first.Timestamp);
    }

    [ContractFact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Meter.ReadAsync(cts.Token));
    }
}
