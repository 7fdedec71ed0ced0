using ChargerController.Ocpp.Enums;
using ChargerController.Station.DisplayMessages;
using static ChargerController.Station.Tests.DisplayMessages.DisplayTestData;

namespace ChargerController.Station.Tests.DisplayMessages;

public sealed class DisplayMessageBookTests
{
    private readonly InMemoryDisplayMessageStore _store = new();

    [Fact]
    public void Set_BeyondCapacity_RejectedAndNothingStored()
    {
        var book = new DisplayMessageBook(_store);
        Assert.All(Enumerable.Range(1, 3), id => Assert.Equal(DisplayMessageStatusEnumType.Accepted, book.Set(Message(id), capacity: 3)));

        Assert.Equal(DisplayMessageStatusEnumType.Rejected, book.Set(Message(4), capacity: 3));
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, book.Set(Message(2, content: "again"), capacity: 3));
        Assert.Equal([1, 2, 3], _store.LoadAll().Select(m => m.Id));
        Assert.Equal("again", _store.LoadAll()[1].Message.Content);
    }

    [Fact]
    public void Set_SecondAlwaysFront_ReplacesFirstEvenWhenFull()
    {
        var book = new DisplayMessageBook(_store);
        book.Set(Message(1, MessagePriorityEnumType.AlwaysFront), 2);
        book.Set(Message(2), 2);

        Assert.Equal(DisplayMessageStatusEnumType.Accepted, book.Set(Message(3, MessagePriorityEnumType.AlwaysFront), 2));
        Assert.Equal([2, 3], book.Snapshot().Select(m => m.Id));
        Assert.Equal([2, 3], _store.LoadAll().Select(m => m.Id));
    }

    [Fact]
    public void RemoveExpired_OnlyPastEndDateTime()
    {
        var book = new DisplayMessageBook(_store);
        book.Set(Message(1) with { EndDateTime = Now }, 10);
        book.Set(Message(2) with { EndDateTime = Now.AddSeconds(1) }, 10);
        book.Set(Message(3), 10);

        Assert.Equal([1], book.RemoveExpired(Now));
        Assert.Equal([2, 3], new DisplayMessageBook(_store).Snapshot().Select(m => m.Id));
    }

    [Fact]
    public void RemoveEndedTransactions_KeepsRunningAndUnbound()
    {
        var book = new DisplayMessageBook(_store);
        book.Set(Message(1) with { TransactionId = "a" }, 10);
        book.Set(Message(2) with { TransactionId = "b" }, 10);
        book.Set(Message(3), 10);
        var changes = 0;
        book.Changed += (_, _) => changes++;

        Assert.Equal([1], book.RemoveEndedTransactions(new HashSet<string> { "b" }));
        Assert.Empty(book.RemoveEndedTransactions(new HashSet<string> { "b" }));
        Assert.Equal(1, changes);
        Assert.Equal([2, 3], book.Snapshot().Select(m => m.Id));
    }

    [Fact]
    public void Query_AllFiltersMustMatch()
    {
        var book = new DisplayMessageBook(_store);
        book.Set(Message(1, MessagePriorityEnumType.InFront) with { State = MessageStateEnumType.Idle }, 10);
        book.Set(Message(2, MessagePriorityEnumType.InFront), 10);
        book.Set(Message(3) with { State = MessageStateEnumType.Idle }, 10);

        Assert.Equal([1, 2, 3], book.Query(null, null, null).Select(m => m.Id));
        Assert.Equal([1, 3], book.Query([], null, MessageStateEnumType.Idle).Select(m => m.Id));
        Assert.Equal([1], book.Query([1, 3], MessagePriorityEnumType.InFront, MessageStateEnumType.Idle).Select(m => m.Id));
        Assert.Empty(book.Query([2], null, MessageStateEnumType.Idle));
    }

    [Fact]
    public void Clear_UnknownId_False()
    {
        var book = new DisplayMessageBook(_store);
        book.Set(Message(1), 10);
        Assert.False(book.Clear(2));
        Assert.True(book.Clear(1));
        Assert.Empty(_store.LoadAll());
    }
}
