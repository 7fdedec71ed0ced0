using ChargerController.Station.Evse;
using static ChargerController.Station.Tests.Conformance.Reservations.ReservationStation;

namespace ChargerController.Station.Tests.Conformance.Reservations;

/// <summary>How reservations end: expiry (H04), CancelReservation (H02), EVSE Unavailable/Faulted (H01.FR.16/17).</summary>
public sealed class ReservationEndTests
{
    [Fact]
    public async Task TC_H_07_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(7, "TOKEN1", evseId: 1, expirySeconds: 60));
        await s.WaitStatusAsync(1, "Reserved");

        await s.AdvanceAsync(TimeSpan.FromSeconds(59));
        await SettleAsync();
        Assert.Single(s.Manager.Reservations);

        // H04.FR.01-03: at expiry the connector is Available again, then ReservationStatusUpdate Expired.
        await s.AdvanceAsync(TimeSpan.FromSeconds(1));
        var available = await s.WaitStatusAsync(1, "Available", occurrence: 2);
        var expired = await s.WaitUpdateAsync(7, "Expired");
        Assert.True(s.PositionOf(available) < s.PositionOf(expired));
        Assert.Empty(s.Manager.Reservations);

        // Steps 5/6: anyone may charge there again.
        Assert.True(s.Gate.Check(1, Token("TOKEN2"), null).Allowed);
        Assert.Null(s.Gate.Check(1, Token("TOKEN2"), null).ReservationId);
    }

    [Fact]
    public async Task Expiry_SeveralReservations_EachEndsAtItsOwnTime()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", evseId: 1, expirySeconds: 120));
        Assert.Equal("Accepted", await s.ReserveAsync(2, "TOKEN2", evseId: 2, expirySeconds: 60));

        // Both Reserved reports out before the clock jumps (the second follows the first's answer).
        await s.WaitStatusAsync(1, "Reserved");
        await s.WaitStatusAsync(2, "Reserved");
        await s.AdvanceAsync(TimeSpan.FromSeconds(60));
        await s.WaitUpdateAsync(2, "Expired");
        Assert.Equal([1], s.Manager.Reservations.Select(r => r.Id));
        await s.AdvanceAsync(TimeSpan.FromSeconds(60));
        await s.WaitUpdateAsync(1, "Expired");
        Assert.Empty(s.Manager.Reservations);
    }

    [Fact]
    public async Task TC_H_17_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(3, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");
        Assert.Equal("Accepted", await s.CancelAsync(3));
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
        Assert.Empty(s.Manager.Reservations);

        // H02 remark: no ReservationStatusUpdate for a cancellation the CSMS asked for; nor at the old expiry.
        await s.AdvanceAsync(TimeSpan.FromHours(2));
        await SettleAsync();
        Assert.Empty(s.H.Calls("ReservationStatusUpdate"));
    }

    [Fact]
    public async Task TC_H_18_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Rejected", await s.CancelAsync(1));
    }

    [Fact]
    public async Task TC_H_21_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(4, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");

        // H01.FR.17: Inoperative cancels the reservation: Unavailable is reported, then Removed.
        Assert.Equal("Accepted", await s.ChangeAvailabilityAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}"""));
        var unavailable = await s.WaitStatusAsync(1, "Unavailable");
        var removed = await s.WaitUpdateAsync(4, "Removed");
        Assert.True(s.PositionOf(unavailable) < s.PositionOf(removed));
        Assert.Empty(s.Manager.Reservations);

        // Steps 7-12: Operative again -> Available (the reservation is gone), another token may start.
        Assert.Equal("Accepted", await s.ChangeAvailabilityAsync("""{"evse":{"id":1},"operationalStatus":"Operative"}"""));
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
        Assert.True(s.Gate.Check(1, Token("TOKEN2"), null).Allowed);
        await SettleAsync();
        Assert.Single(s.H.Calls("ReservationStatusUpdate"));
    }

    [Fact]
    public async Task H01_FR_16_ReservedEvseFaulted_FaultedReportedThenRemoved()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(4, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");
        s.H.Connectors.Set(1, ConnectorStatus.Faulted);
        var faulted = await s.WaitStatusAsync(1, "Faulted");
        var removed = await s.WaitUpdateAsync(4, "Removed");
        Assert.True(s.PositionOf(faulted) < s.PositionOf(removed));
        Assert.Empty(s.Manager.Reservations);
    }

    [Fact]
    public async Task H01_FR_16_OtherEvseFaulted_ReservationKept()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(4, "TOKEN1", evseId: 1));
        s.H.Connectors.Set(2, ConnectorStatus.Faulted);
        await s.WaitStatusAsync(2, "Faulted");
        await SettleAsync();
        Assert.Single(s.Manager.Reservations);
        Assert.Empty(s.H.Calls("ReservationStatusUpdate"));
    }

    [Fact]
    public async Task H01_FR_17_AnyEvseReservation_LastEvseUnavailable_Removed()
    {
        await using var s = await StartAsync(evses: 1);
        Assert.Equal("Accepted", await s.ReserveAsync(9, "TOKEN1"));
        await s.WaitStatusAsync(1, "Reserved");
        Assert.Equal("Accepted", await s.ChangeAvailabilityAsync("""{"operationalStatus":"Inoperative"}"""));
        await s.WaitUpdateAsync(9, "Removed");
        Assert.Empty(s.Manager.Reservations);
    }
}
