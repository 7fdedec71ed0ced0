using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using static ChargerController.Station.Tests.Conformance.Reservations.ReservationStation;

namespace ChargerController.Station.Tests.Conformance.Reservations;

/// <summary>ReserveNow without evseId (H01 S1) and by connector type (H01 S3), OCA Part 6 scenarios.</summary>
public sealed class ReserveAnyEvseTests
{
    [Fact]
    public async Task TC_H_08_CS()
    {
        // One EVSE: the reservation on any EVSE holds it, so it is reported Reserved (H01.FR.20).
        await using var s = await StartAsync(evses: 1);
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1"));
        await s.WaitStatusAsync(1, "Reserved");

        // H01.FR.07: another token may not take the last EVSE; the reserving one may (H03.FR.03).
        Assert.False(s.Gate.Check(1, Token("TOKEN2"), null).Allowed);
        var check = s.Gate.Check(1, Token("TOKEN1"), null);
        Assert.Equal((true, (int?)1), (check.Allowed, check.ReservationId));
        await s.Gate.ConsumeAsync(1, CancellationToken.None);
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
        s.H.Transactions.Start(1);
        s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        await s.WaitStatusAsync(1, "Occupied");
    }

    [Fact]
    public async Task H01_FR_07_TwoEvsesOneReservation_NoneReservedButOneKeptFree()
    {
        await using var s = await StartAsync(evses: 2);
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1"));
        await SettleAsync();
        Assert.DoesNotContain("Reserved", s.StatusesOf(1).Concat(s.StatusesOf(2)));

        // Someone else starts on EVSE 1: allowed, one EVSE is still free for TOKEN1 ...
        Assert.True(s.Gate.Check(1, Token("TOKEN2"), null).Allowed);
        s.H.Transactions.Start(1);
        s.H.Connectors.Set(1, ConnectorStatus.Occupied);

        // ... which is now the last free one: Reserved, and closed to everyone but TOKEN1.
        await s.WaitStatusAsync(2, "Reserved");
        Assert.False(s.Gate.Check(2, Token("TOKEN3"), null).Allowed);
        Assert.Equal((true, (int?)1), s.Gate.Check(2, Token("TOKEN1"), null).Let(c => (c.Allowed, c.ReservationId)));
    }

    [Fact]
    public async Task TC_H_09_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", evseId: 1));
        Assert.Equal("Accepted", await s.ReserveAsync(2, "TOKEN2", evseId: 2));
        Assert.Equal("Occupied", await s.ReserveAsync(3, "TOKEN3"));
    }

    [Fact]
    public async Task TC_H_10_CS()
    {
        await using var s = await StartAsync();
        foreach (var evse in new[] { 1, 2 })
        {
            s.H.Transactions.Start(evse);
            s.H.Connectors.Set(evse, ConnectorStatus.Occupied);
        }

        Assert.Equal("Occupied", await s.ReserveAsync(1, "TOKEN1"));
    }

    [Fact]
    public async Task TC_H_12_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ChangeAvailabilityAsync("""{"operationalStatus":"Inoperative"}"""));
        await s.WaitStatusAsync(2, "Unavailable");
        Assert.Equal("Unavailable", await s.ReserveAsync(1, "TOKEN1"));
    }

    [Fact]
    public async Task H01_FR_12_AllEvsesFaulted_AnswersFaulted()
    {
        await using var s = await StartAsync();
        s.H.Connectors.Set(1, ConnectorStatus.Faulted);
        s.H.Connectors.Set(2, ConnectorStatus.Faulted);
        await s.WaitStatusAsync(2, "Faulted");
        Assert.Equal("Faulted", await s.ReserveAsync(1, "TOKEN1"));
        Assert.Equal("Faulted", await s.ReserveAsync(2, "TOKEN1", connectorType: "cType2"));
    }

    [Fact]
    public async Task TC_H_13_CS()
    {
        await using var s = await StartAsync();
        s.H.Model.SetByStation(VariableKey.Of("ReservationCtrlr", "NonEvseSpecific"), "false");
        Assert.Equal("Rejected", await s.ReserveAsync(1, "TOKEN1"));
        Assert.Equal("Rejected", await s.ReserveAsync(2, "TOKEN1", connectorType: "cType2"));
        Assert.Equal("Accepted", await s.ReserveAsync(3, "TOKEN1", evseId: 1));
    }

    [Fact]
    public async Task TC_H_14_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1"));
        await SettleAsync();
        Assert.DoesNotContain("Reserved", s.StatusesOf(1).Concat(s.StatusesOf(2)));

        // H01.FR.20: as many reservations as available EVSEs -> every connector Reserved.
        Assert.Equal("Accepted", await s.ReserveAsync(2, "TOKEN2"));
        await s.WaitStatusAsync(1, "Reserved");
        await s.WaitStatusAsync(2, "Reserved");
        Assert.Equal("Reserved", s.H.Model.GetValue(new VariableKey("Connector", null, 2, 1, "AvailabilityState", null)));
        Assert.Equal("Occupied", await s.ReserveAsync(3, "TOKEN3"));
    }

    [Fact]
    public async Task TC_H_15_CS()
    {
        await using var s = await StartAsync(evses: 1);
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", connectorType: "cType2"));
        await s.WaitStatusAsync(1, "Reserved");

        // H03.FR.02: the token may start on an EVSE with that connector type.
        var check = s.Gate.Check(1, Token("TOKEN1"), null);
        Assert.Equal((true, (int?)1), (check.Allowed, check.ReservationId));
        await s.Gate.ConsumeAsync(1, CancellationToken.None);
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
    }

    [Fact]
    public async Task ReserveNow_ConnectorTypeNotPresent_Rejected()
    {
        await using var s = await StartAsync();
        Assert.Equal("Rejected", await s.ReserveAsync(1, "TOKEN1", connectorType: "cCCS2"));
    }

    [Fact]
    public async Task TC_H_16_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", evseId: 1));
        Assert.Equal("Accepted", await s.ReserveAsync(2, "TOKEN2", evseId: 2));
        Assert.Equal("Occupied", await s.ReserveAsync(3, "TOKEN3", connectorType: "cType2"));
    }

    [Fact]
    public async Task TC_H_24_CS()
    {
        await using var s = await StartAsync(evses: 1);
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", group: "GROUP1"));
        await s.WaitStatusAsync(1, "Reserved");

        // H03.FR.06: any card of the group may use a reservation on any EVSE.
        Assert.False(s.Gate.Check(1, Token("TOKEN2"), null).Allowed);
        var check = s.Gate.Check(1, Token("TOKEN2"), Group("group1"));
        Assert.Equal((true, (int?)1), (check.Allowed, check.ReservationId));
        await s.Gate.ConsumeAsync(1, CancellationToken.None);
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
    }
}
