using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Reservations;

namespace ChargerController.Station.Tests.Reservations;

/// <summary>The block H rules on EVSE snapshots, without a runtime.</summary>
public sealed class ReservationBookTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(EvseState.Available, ReserveNowStatusEnumType.Accepted)]
    [InlineData(EvseState.Occupied, ReserveNowStatusEnumType.Occupied)]
    [InlineData(EvseState.Faulted, ReserveNowStatusEnumType.Faulted)]
    [InlineData(EvseState.Unavailable, ReserveNowStatusEnumType.Unavailable)]
    public void Evaluate_SpecificEvse_StatusFollowsEvseState(EvseState state, ReserveNowStatusEnumType expected)
    {
        var book = new ReservationBook();
        Assert.Equal(expected, book.Evaluate(At(1, 1), [Evse(1, state), Evse(2)], nonEvseSpecific: true));
    }

    [Fact]
    public void Evaluate_SpecificEvseKeptBackForAnyEvseReservations_Occupied()
    {
        // H01.FR.07/11: EVSE 2 is the last one free for the open any-EVSE reservation, so it already shows Reserved.
        var book = new ReservationBook();
        book.Put(Any(1));
        Assert.Equal(ReserveNowStatusEnumType.Occupied, book.Evaluate(At(2, 2), [Evse(1, EvseState.Occupied), Evse(2)], true));
        Assert.Equal(ReserveNowStatusEnumType.Accepted, book.Evaluate(At(2, 2), [Evse(1), Evse(2)], true));
    }

    [Fact]
    public void Evaluate_SameId_ReplacesInsteadOfCountingTwice()
    {
        var book = new ReservationBook();
        book.Put(At(5, 1, "A"));
        Assert.Equal(ReserveNowStatusEnumType.Accepted, book.Evaluate(At(5, 1, "B"), [Evse(1)], true));
        Assert.Equal(ReserveNowStatusEnumType.Occupied, book.Evaluate(At(6, 1, "B"), [Evse(1)], true));
    }

    [Fact]
    public void Evaluate_AnyEvse_NotConfigured_Rejected()
    {
        Assert.Equal(ReserveNowStatusEnumType.Rejected, new ReservationBook().Evaluate(Any(1), [Evse(1)], nonEvseSpecific: false));
    }

    [Fact]
    public void Evaluate_AnyEvse_MixedFaultedAndUnavailable_Unavailable()
    {
        var book = new ReservationBook();
        Assert.Equal(ReserveNowStatusEnumType.Unavailable, book.Evaluate(Any(1), [Evse(1, EvseState.Faulted), Evse(2, EvseState.Unavailable)], true));
        Assert.Equal(ReserveNowStatusEnumType.Faulted, book.Evaluate(Any(1), [Evse(1, EvseState.Faulted), Evse(2, EvseState.Faulted)], true));
        Assert.Equal(ReserveNowStatusEnumType.Occupied, book.Evaluate(Any(1), [Evse(1, EvseState.Faulted), Evse(2, EvseState.Occupied)], true));
    }

    [Fact]
    public void Evaluate_ConnectorType_OnlyEvsesWithThatTypeCount()
    {
        var book = new ReservationBook();
        EvseView[] evses = [Evse(1, type: "cCCS2"), Evse(2, type: "cType2")];
        Assert.Equal(ReserveNowStatusEnumType.Accepted, book.Evaluate(Typed(1, "cType2"), evses, true));
        book.Put(Typed(1, "cType2"));
        Assert.Equal(ReserveNowStatusEnumType.Occupied, book.Evaluate(Typed(2, "cType2"), evses, true));
        Assert.Equal(ReserveNowStatusEnumType.Accepted, book.Evaluate(Typed(2, "cCCS2"), evses, true));
        Assert.Equal(ReserveNowStatusEnumType.Rejected, book.Evaluate(Typed(3, "cG105"), evses, true));
    }

    [Fact]
    public void IsReserved_AnyEvse_OnlyWhenFreeEvsesEqualReservations()
    {
        // H01.FR.20
        var book = new ReservationBook();
        EvseView[] evses = [Evse(1), Evse(2), Evse(3, EvseState.Occupied)];
        book.Put(Any(1));
        Assert.False(book.IsReserved(1, evses));
        book.Put(Any(2));
        Assert.True(book.IsReserved(1, evses));
        Assert.True(book.IsReserved(2, evses));
        Assert.False(book.IsReserved(3, evses));
    }

    [Fact]
    public void IsReserved_ConnectorType_OnlyEvsesOfThatType()
    {
        // H01.FR.24
        var book = new ReservationBook();
        EvseView[] evses = [Evse(1, type: "cCCS2"), Evse(2, type: "cType2"), Evse(3, type: "cType2")];
        book.Put(Typed(1, "cType2"));
        Assert.False(book.IsReserved(2, evses));
        book.Put(Typed(2, "cType2"));
        Assert.True(book.IsReserved(2, evses));
        Assert.True(book.IsReserved(3, evses));
        Assert.False(book.IsReserved(1, evses));
    }

    [Fact]
    public void Check_SpecificReservation_OnlyTokenOrGroup()
    {
        var book = new ReservationBook();
        book.Put(At(1, 1, "CARD", group: "G1"));
        EvseView[] evses = [Evse(1), Evse(2)];
        Assert.Equal(new ReservationCheck(true, 1), book.Check(1, Token("card"), null, evses));
        Assert.Equal(new ReservationCheck(true, 1), book.Check(1, Token("OTHER"), Token("G1"), evses));
        Assert.Equal(new ReservationCheck(false, null), book.Check(1, Token("OTHER"), Token("G2"), evses));
        Assert.Equal(new ReservationCheck(false, null), book.Check(1, new IdTokenType { IdToken = "CARD", Type = "Central" }, null, evses));
        Assert.Equal(ReservationCheck.NotReserved, book.Check(2, Token("OTHER"), null, evses));
    }

    [Fact]
    public void Check_AnyEvseReservation_OthersMayNotTakeTheLastFreeEvse()
    {
        var book = new ReservationBook();
        book.Put(Any(1, "CARD"));
        EvseView[] both = [Evse(1), Evse(2)];
        Assert.Equal(ReservationCheck.NotReserved, book.Check(1, Token("OTHER"), null, both));
        EvseView[] one = [Evse(1, EvseState.Occupied), Evse(2)];
        Assert.False(book.Check(2, Token("OTHER"), null, one).Allowed);
        Assert.Equal(new ReservationCheck(true, 1), book.Check(2, Token("CARD"), null, one));

        // The driver plugged in first at EVSE 2 (Occupied): the reservation still applies there.
        Assert.Equal(new ReservationCheck(true, 1), book.Check(2, Token("CARD"), null, [Evse(1, EvseState.Occupied), Evse(2, EvseState.Occupied)]));
    }

    [Fact]
    public void TakeExpired_RemovesOnlyDueOnes_NextExpiryFollows()
    {
        var book = new ReservationBook();
        book.Put(At(1, 1, expiresIn: 60));
        book.Put(At(2, 2, expiresIn: 120));
        Assert.Equal(Now.AddSeconds(60), book.NextExpiry());
        Assert.Empty(book.TakeExpired(Now.AddSeconds(59)));
        Assert.Equal([1], book.TakeExpired(Now.AddSeconds(60)).Select(r => r.Id));
        Assert.Equal(Now.AddSeconds(120), book.NextExpiry());
        Assert.Equal([2], book.TakeExpired(Now.AddHours(1)).Select(r => r.Id));
        Assert.Null(book.NextExpiry());
    }

    [Fact]
    public void TakeOutOfService_FaultedOrUnavailableEvse_EndsItsReservationOnly()
    {
        var book = new ReservationBook();
        book.Put(At(1, 1));
        book.Put(At(2, 2));
        Assert.Empty(book.TakeOutOfService([Evse(1, EvseState.Occupied), Evse(2)]));
        Assert.Equal([1], book.TakeOutOfService([Evse(1, EvseState.Faulted), Evse(2)]).Select(r => r.Id));
        Assert.Equal([2], book.TakeOutOfService([Evse(1, EvseState.Faulted), Evse(2, EvseState.Unavailable)]).Select(r => r.Id));
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public void TakeOutOfService_AnyEvseReservationsNoLongerCovered_LatestExpiryGoesFirst()
    {
        var book = new ReservationBook();
        book.Put(Any(1, expiresIn: 600));
        book.Put(Any(2, expiresIn: 300));
        Assert.Empty(book.TakeOutOfService([Evse(1, EvseState.Occupied), Evse(2, EvseState.Occupied)]));
        Assert.Equal([1], book.TakeOutOfService([Evse(1, EvseState.Unavailable), Evse(2)]).Select(r => r.Id));
        Assert.Equal([2], book.All.Select(r => r.Id));
    }

    private static EvseView Evse(int id, EvseState state = EvseState.Available, string type = "cType2") => new(id, state, [type]);

    private static IdTokenType Token(string value) => new() { IdToken = value, Type = "ISO14443" };

    private static Reservation At(int id, int evseId, string token = "CARD", string? group = null, int expiresIn = 3600) =>
        new(id, Now.AddSeconds(expiresIn), Token(token), group is null ? null : Token(group), evseId, null);

    private static Reservation Any(int id, string token = "CARD", int expiresIn = 3600) => new(id, Now.AddSeconds(expiresIn), Token(token), null, null, null);

    private static Reservation Typed(int id, string type) => new(id, Now.AddHours(1), Token("CARD"), null, null, type);
}
