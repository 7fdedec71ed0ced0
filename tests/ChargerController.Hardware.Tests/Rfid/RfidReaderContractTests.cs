using ChargerController.Hardware.Abstractions.Rfid;

namespace ChargerController.Hardware.Tests.Rfid;

/// <summary>
/// The IRfidReader contract (conventions rule 11): a presented card is reported once while it stays in the field, a
/// different card is reported, and cancellation ends the stream. Derive for each reader (the Simulator's reader too).
/// </summary>
public abstract class RfidReaderContractTests : IDisposable
{
    /// <summary>Creates the reader under test with nothing in the field.</summary>
    protected abstract IRfidReader CreateReader();

    /// <summary>Holds a card in the field (the device keeps seeing it until another is presented).</summary>
    protected abstract void Present(byte[] uid);

    /// <summary>The UID as the reader reports it for a presented card.</summary>
    protected abstract byte[] CardA { get; }

    protected abstract byte[] CardB { get; }

    [Fact]
    public async Task Contract_CardHeldInField_IsReportedOnce_ThenNextCardIsReported()
    {
        var reader = CreateReader();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = cards.MoveNextAsync().AsTask();
        Present(CardA);
        Assert.True(await first);
        Assert.Equal(CardA, cards.Current.Uid);

        var second = cards.MoveNextAsync().AsTask();
        await Task.Delay(400);
        Assert.False(second.IsCompleted, "a card held in the field must not be reported again");
        Present(CardB);
        Assert.True(await second);
        Assert.Equal(CardB, cards.Current.Uid);
    }

    [Fact]
    public async Task Contract_Cancellation_EndsTheStream()
    {
        var reader = CreateReader();
        using var cts = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var card in reader.ReadCardsAsync(cts.Token))
            {
                Assert.Fail("nothing was presented");
            }
        });
        await Task.Delay(100);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading).WaitAsync(TimeSpan.FromSeconds(5));
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
