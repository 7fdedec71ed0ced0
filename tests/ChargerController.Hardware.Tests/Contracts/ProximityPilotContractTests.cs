using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.ProximityPilot;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>What every <see cref="IProximityPilot"/> must do, simulated or real (house rule 11).</summary>
public abstract class ProximityPilotContractTests
{
    protected abstract IProximityPilot ProximityPilot { get; }

    /// <summary>Puts a cable of this rating on PP (null = empty socket).</summary>
    protected abstract Task SetCableAsync(double? ratingA);

    [ContractFact]
    public async Task ReadAsync_NoCable_ReportsOpen()
    {
        await SetCableAsync(null);

        var reading = await ProximityPilot.ReadAsync(CancellationToken.None);

        Assert.Equal(ProximityStatus.NoCable, reading.Rating.Status);
        Assert.True(reading.ResistanceOhm > ProximityPilotTable.OpenAboveOhm);
    }

    [ContractFact]
    public async Task ReadAsync_13ACable_Decodes13A()
    {
        await SetCableAsync(13);

        var reading = await ProximityPilot.ReadAsync(CancellationToken.None);

        Assert.Equal(new CableRating(ProximityStatus.Cable, 13), reading.Rating);
    }

    [ContractFact]
    public async Task ReadAsync_32ACable_Decodes32A()
    {
        await SetCableAsync(32);

        var reading = await ProximityPilot.ReadAsync(CancellationToken.None);

        Assert.Equal(new CableRating(ProximityStatus.Cable, 32), reading.Rating);
        Assert.Equal(reading.Rating, ProximityPilotTable.Decode(reading.ResistanceOhm));
    }

    [ContractFact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ProximityPilot.ReadAsync(cts.Token));
    }
}
