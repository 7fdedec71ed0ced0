using ChargerController.Hardware.Abstractions.Rfid;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>What every <see cref="IRfidReader"/> must do, simulated or serial (house rule 11).</summary>
public abstract class RfidReaderContractTests
{
    protected abstract IRfidReader Reader { get; }

    /// <summary>Presents an ISO 14443 A card with this UID (on the device: the jig's test card).</summary>
    protected abstract Task PresentCardAsync(byte[] uid);

    protected virtual byte[] TestCardUid => [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6];

    [ContractFact]
    public async Task ReadCardsAsync_CardPresented_YieldsItsUid()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var reads = Reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        await PresentCardAsync(TestCardUid);

        Assert.True(await reads.MoveNextAsync());
        Assert.Equal(TestCardUid, reads.Current.Uid);
    }

    [ContractFact]
    public async Task ReadCardsAsync_TwoCards_YieldedInOrderWithNonDecreasingTimestamps()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var reads = Reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        byte[] second = [0x11, 0x22, 0x33, 0x44];

        await PresentCardAsync(TestCardUid);
        Assert.True(await reads.MoveNextAsync());
        var first = reads.Current;
        await PresentCardAsync(second);
        Assert.True(await reads.MoveNextAsync());

        Assert.Equal(TestCardUid, first.Uid);
        Assert.Equal(second, reads.Current.Uid);
        Assert.True(reads.Current.Timestamp >= first.Timestamp);
    }

    [ContractFact]
    public async Task ReadCardsAsync_Cancelled_EndsWithCancellation()
    {
        using var cts = new CancellationTokenSource();
        await using var reads = Reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = reads.MoveNextAsync().AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }
}
