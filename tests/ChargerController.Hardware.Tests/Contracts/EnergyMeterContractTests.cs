using ChargerController.Hardware.Abstractions.Metering;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>
/// What every <see cref="IEnergyMeter"/> must do (house rule 11), run alike against the simulated meter, the Modbus
/// driver on a fake line and the Modbus driver on the jig's meter. A derived class says how to build a healthy and an
/// unreachable meter, which clock stamps the readings and how time passes (virtual or real).
/// </summary>
public abstract class EnergyMeterContractTests
{
    private static readonly TimeSpan BetweenReads = TimeSpan.FromSeconds(1);

    /// <summary>The clock the meters under test stamp their readings with.</summary>
    protected abstract TimeProvider Clock { get; }

    /// <summary>A meter that answers.</summary>
    protected abstract IEnergyMeter CreateHealthyMeter();

    /// <summary>A meter whose device does not answer at all (nothing answers at its address).</summary>
    protected abstract IEnergyMeter CreateUnreachableMeter();

    /// <summary>Lets time pass between two reads: advance the virtual clock, or wait on the real one.</summary>
    protected abstract Task LetTimePassAsync(TimeSpan duration);

    /// <summary>Runs one read to completion. On virtual time, override to drive the clock (response timeouts, retries, inter-frame silence).</summary>
    protected virtual Task<MeterReading> RunAsync(Func<Task<MeterReading>> read) => read();

    [ContractFact]
    public async Task ReadAsync_Healthy_SnapshotIsConsistentWithPhasesAndFinite()
    {
        var meter = CreateHealthyMeter();

        var before = Clock.GetUtcNow();
        var reading = await ReadAsync(meter, CancellationToken.None);
        var after = Clock.GetUtcNow();

        Assert.True(meter.Phases is 1 or 3, $"a meter measures 1 or 3 phases, not {meter.Phases}");
        // Per-phase lists hold exactly the measured phases; a quantity the meter does not provide is an empty list.
        Assert.True(reading.VoltageV.Count == 0 || reading.VoltageV.Count == meter.Phases, $"{reading.VoltageV.Count} voltages for {meter.Phases} phases");
        Assert.True(reading.CurrentA.Count == 0 || reading.CurrentA.Count == meter.Phases, $"{reading.CurrentA.Count} currents for {meter.Phases} phases");
        Assert.InRange(reading.PowerW.Count, 0, meter.Phases);
        Assert.All(reading.VoltageV.Concat(reading.CurrentA).Concat(reading.PowerW).Append(reading.TotalPowerW).Append(reading.EnergyImportWh), v => Assert.True(double.IsFinite(v), $"{v} is not finite"));
        Assert.True(reading.EnergyExportWh is null || double.IsFinite(reading.EnergyExportWh.Value));
        Assert.True(reading.FrequencyHz is null || double.IsFinite(reading.FrequencyHz.Value));
        Assert.All(reading.VoltageV, v => Assert.InRange(v, 0, 500));
        Assert.True(reading.EnergyImportWh >= 0, $"imported energy {reading.EnergyImportWh} Wh is negative");
        Assert.InRange(reading.Timestamp, before, after);
    }

    [ContractFact]
    public async Task ReadAsync_Repeated_EnergyNeverDecreasesAndTimestampsFollowTheClock()
    {
        var meter = CreateHealthyMeter();
        var previous = await ReadAsync(meter, CancellationToken.None);

        for (var i = 0; i < 2; i++)
        {
            await LetTimePassAsync(BetweenReads);
            var before = Clock.GetUtcNow();
            var next = await ReadAsync(meter, CancellationToken.None);
            var after = Clock.GetUtcNow();

            Assert.True(next.EnergyImportWh >= previous.EnergyImportWh, $"imported energy went from {previous.EnergyImportWh} Wh to {next.EnergyImportWh} Wh");
            Assert.True(next.Timestamp > previous.Timestamp, $"timestamp {next.Timestamp:O} is not after {previous.Timestamp:O}");
            Assert.InRange(next.Timestamp, before, after);
            previous = next;
        }
    }

    [ContractFact]
    public async Task ReadAsync_Unreachable_FailsOnlyWithMeterReadExceptionTimeout()
    {
        var meter = CreateUnreachableMeter();

        // Twice: a failed read must leave the meter readable again later, failing the same typed way, never hanging.
        for (var i = 0; i < 2; i++)
        {
            var ex = await Assert.ThrowsAsync<MeterReadException>(() => ReadAsync(meter, CancellationToken.None));
            Assert.Equal(MeterFault.Timeout, ex.Fault);
        }
    }

    [ContractFact]
    public async Task ReadAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var meter = CreateHealthyMeter();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadAsync(meter, new CancellationToken(canceled: true)));
    }

    [ContractFact]
    public async Task ReadAsync_UnreachableWithCancelledToken_CancellationWinsOverTheFault()
    {
        var meter = CreateUnreachableMeter();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadAsync(meter, new CancellationToken(canceled: true)));
    }

    // Signed meter values (IEnergyMeter.Signer): a meter either cannot sign (null, e.g. every Modbus profile) or signs
    // the import register of its own readings with the method, format and key its signer names.
    [ContractFact]
    public async Task Signer_NullOrSignsItsOwnReadingWithItsOwnKey()
    {
        var meter = CreateHealthyMeter();
        if (meter.Signer is not { } signer)
        {
            return;
        }

        Assert.Same(signer, meter.Signer);
        var reading = await ReadAsync(meter, CancellationToken.None);
        var signed = signer.Sign(reading, MeterSigningContext.TransactionBegin);
        Assert.NotNull(signed);
        Assert.False(signed.Data.IsEmpty);
        Assert.Equal((signer.SigningMethod, signer.EncodingMethod, signer.PublicKey), (signed.SigningMethod, signed.EncodingMethod, signed.PublicKey));
        Assert.False(string.IsNullOrWhiteSpace(signer.PublicKey));
    }

    [ContractFact]
    public async Task Signer_DifferentReadings_DifferentDataSets()
    {
        var meter = CreateHealthyMeter();
        if (meter.Signer is not { } signer)
        {
            return;
        }

        var first = await ReadAsync(meter, CancellationToken.None);
        await LetTimePassAsync(BetweenReads);
        var second = await ReadAsync(meter, CancellationToken.None);
        var a = signer.Sign(first, MeterSigningContext.TransactionUpdate)!;
        var b = signer.Sign(second, MeterSigningContext.TransactionUpdate)!;
        Assert.False(a.Data.Span.SequenceEqual(b.Data.Span), "two readings at different times signed into the same data set");
    }

    private Task<MeterReading> ReadAsync(IEnergyMeter meter, CancellationToken cancellationToken) =>
        RunAsync(() => meter.ReadAsync(cancellationToken).AsTask());
}
