using ChargerController.Station.Transactions;

namespace ChargerController.Station.Tests.Transactions;

/// <summary>The TransactionEvent message id: the same for the same event, different for different events, a valid OCPP-J id.</summary>
public sealed class TransactionMessageIdTests
{
    [Fact]
    public void For_SameEvent_SameId_DifferentEvents_DifferentIds_AtMost36Chars()
    {
        var tx = "0367bcd6-22ca-46aa-a4cd-0b6c9c6809c7";
        var ids = Enumerable.Range(0, 1000).Select(seq => TransactionMessageId.For(tx, seq))
            .Concat(Enumerable.Range(0, 1000).Select(seq => TransactionMessageId.For("0367bcd6-22ca-46aa-a4cd-0b6c9c6809c8", seq)))
            .ToList();

        Assert.Equal(TransactionMessageId.For(tx, 7), TransactionMessageId.For(tx, 7));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(id.Length <= 36 && Guid.TryParse(id, out _), id));
        Assert.All(ids, id => Assert.Equal('8', id[14]));
    }
}
