using ChargerController.Hardware.Abstractions.Rfid;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>
/// What every <see cref="IRfidReader"/> must do (house rule 11), run alike against the simulated reader, the RDM6300 and
/// PN532 drivers over pseudo-terminals and the jig's real reader: a presented card yields its UID, technology and a
/// timestamp from the clock; cards come in order; a card held in the field is reported once; cancellation ends the
/// stream. A derived class builds the reader, holds cards in (or takes them out of) its field and lets time pass.
/// </summary>
public abstract class RfidReaderContractTests
{
    /// <summary>Long enough for a real reader to have seen a held card many times over (RDM6300 repeats every ~50 ms, PN532 polls).</summary>
    private static readonly TimeSpan HeldInField = TimeSpan.FromMilliseconds(500);

    /// <summary>The clock the reader under test stamps reads with.</summary>
    protected abstract TimeProvider Clock { get; }

    /// <summary>A card's UID exactly as the reader reports it.</summary>
    protected abstract byte[] CardA { get; }

    /// <summary>A second card, different from <see cref="CardA"/>.</summary>
    protected abstract byte[] CardB { get; }

    /// <summary>The air interface the reader reports for those cards.</summary>
    protected abstract CardTechnology Technology { get; }

    /// <summary>
    /// Real-time guard on every wait for a read: generous, because each wait ends as soon as the read arrives; it only
    /// turns a broken reader into a failure instead of a hung run.
    /// </summary>
    protected virtual TimeSpan ReadTimeout => TimeSpan.FromSeconds(30);

    /// <summary>Creates the reader under test with nothing in its field.</summary>
    protected abstract IRfidReader CreateReader();

    /// <summary>Holds a card in the field, in place of any other, until another is presented or it is removed.</summary>
    protected abstract Task PresentAsync(byte[] uid);

    /// <summary>Takes every card out of the field.</summary>
    protected abstract Task RemoveCardAsync();

    /// <summary>Lets time pass while the reader runs: advance the virtual clock, or wait on the real one.</summary>
    protected abstract Task LetTimePassAsync(TimeSpan duration);

    [ContractFact]
    public async Task ReadCardsAsync_CardPresented_YieldsItsUidTechnologyAndClockTime()
    {
        var reader = CreateReader();
        using var cts = new CancellationTokenSource(ReadTimeout);
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        var before = Clock.GetUtcNow();
        var next = cards.MoveNextAsync().AsTask();
        await PresentAsync(CardA);
        Assert.True(await next);
        var after = Clock.GetUtcNow();

        Assert.Equal(CardA, cards.Current.Uid);
        Assert.Equal(Technology, cards.Current.Technology);
        Assert.InRange(cards.Current.Timestamp, before, after);
    }

    [ContractFact]
    public async Task ReadCardsAsync_TwoCards_YieldedInOrderWithNonDecreasingTimestamps()
    {
        var reader = CreateReader();
        using var cts = new CancellationTokenSource(ReadTimeout);
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        await PresentAsync(CardA);
        Assert.True(await cards.MoveNextAsync());
        var first = cards.Current;
        await PresentAsync(CardB);
        Assert.True(await cards.MoveNextAsync());
        var second = cards.Current;

        Assert.Equal(CardA, first.Uid);
        Assert.Equal(CardB, second.Uid);
        Assert.True(second.Timestamp >= first.Timestamp, $"second read at {second.Timestamp:O} is before the first at {first.Timestamp:O}");
    }

    [ContractFact]
    public async Task ReadCardsAsync_CardHeldInField_IsReportedOnceThenNextCardIsReported()
    {
        var reader = CreateReader();
        using var cts = new CancellationTokenSource(ReadTimeout + HeldInField);
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = cards.MoveNextAsync().AsTask();
        await PresentAsync(CardA);
        Assert.True(await first);
        Assert.Equal(CardA, cards.Current.Uid);

        var second = cards.MoveNextAsync().AsTask();
        await LetTimePassAsync(HeldInField);
        Assert.False(second.IsCompleted, "a card held in the field must not be reported again");
        await PresentAsync(CardB);

        Assert.True(await second);
        Assert.Equal(CardB, cards.Current.Uid);
    }

    [ContractFact]
    public async Task ReadCardsAsync_CancelledWhileWaiting_EndsWithCancellation()
    {
        await RemoveCardAsync();
        var reader = CreateReader();
        using var cts = new CancellationTokenSource();
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = cards.MoveNextAsync().AsTask();

        // Let the reader get into its read/poll loop, so the cancellation has to interrupt a pending I/O or wait.
        await LetTimePassAsync(TimeSpan.FromMilliseconds(100));
        Assert.False(next.IsCompleted, "nothing was presented");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next).WaitAsync(ReadTimeout);
    }

    [ContractFact]
    public async Task ReadCardsAsync_CancelledAfterACard_EndsWithCancellation()
    {
        var reader = CreateReader();
        using var cts = new CancellationTokenSource(ReadTimeout);
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await PresentAsync(CardA);
        Assert.True(await cards.MoveNextAsync());

        var next = cards.MoveNextAsync().AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next).WaitAsync(ReadTimeout);
    }
}
