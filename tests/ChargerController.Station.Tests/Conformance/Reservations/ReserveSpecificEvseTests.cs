using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using static ChargerController.Station.Tests.Conformance.Reservations.ReservationStation;

namespace ChargerController.Station.Tests.Conformance.Reservations;

/// <summary>ReserveNow for a specific EVSE (H01 S2) and its use (H03), OCA Part 6 scenarios, two EVSEs.</summary>
public sealed class ReserveSpecificEvseTests
{
    [Fact]
    public async Task TC_H_01_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");

        // Reusable state Authorized: the reserving token may start here and uses the reservation (H03.FR.01/09).
        var check = s.Gate.Check(1, Token("token1"), null);
        Assert.Equal((true, (int?)1), (check.Allowed, check.ReservationId));
        await s.Gate.ConsumeAsync(check.ReservationId!.Value, CancellationToken.None);

        // H03.FR.10: Reserved -> Available after authorization; then EnergyTransferStarted -> Occupied.
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
        s.H.Transactions.Start(1);
        s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        await s.WaitStatusAsync(1, "Occupied");
        Assert.Equal(["Available", "Reserved", "Available", "Occupied"], s.StatusesOf(1));
        Assert.Empty(s.Manager.Reservations);
        Assert.Empty(s.H.Calls("ReservationStatusUpdate"));
    }

    [Fact]
    public async Task TC_H_02_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");

        // EVConnectedPreSession: the cable is in before anyone authorizes; the EVSE stays reserved.
        s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        await s.WaitStatusAsync(1, "Occupied");

        // Main A (local authorization) and Main B (RequestStartTransaction, F01.FR.22) both ask the gate: refused.
        Assert.False(s.Gate.Check(1, Token("TOKEN2"), null).Allowed);
        Assert.False(s.Gate.Check(1, Token("TOKEN2"), Group("SOME-GROUP")).Allowed);
        Assert.Single(s.Manager.Reservations);

        // The other EVSE is not reserved: TOKEN2 may charge there.
        Assert.True(s.Gate.Check(2, Token("TOKEN2"), null).Allowed);
    }

    [Fact]
    public async Task TC_H_03_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", evseId: 1));
        Assert.Equal("Occupied", await s.ReserveAsync(2, "TOKEN2", evseId: 1));
        Assert.Equal([1], s.Manager.Reservations.Select(r => r.Id));
    }

    [Fact]
    public async Task TC_H_04_CS()
    {
        await using var s = await StartAsync();
        s.H.Transactions.Start(1);
        s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        await s.WaitStatusAsync(1, "Occupied");
        Assert.Equal("Occupied", await s.ReserveAsync(1, "TOKEN2", evseId: 1));
        Assert.Empty(s.Manager.Reservations);
    }

    [Fact]
    public async Task TC_H_06_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ChangeAvailabilityAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}"""));
        await s.WaitStatusAsync(1, "Unavailable");
        Assert.Equal("Unavailable", await s.ReserveAsync(1, "TOKEN2", evseId: 1));
        Assert.Equal("Accepted", await s.ReserveAsync(2, "TOKEN2", evseId: 2));
    }

    [Fact]
    public async Task H01_FR_12_FaultedEvse_AnswersFaulted()
    {
        await using var s = await StartAsync();
        s.H.Connectors.Set(1, ConnectorStatus.Faulted);
        await s.WaitStatusAsync(1, "Faulted");
        Assert.Equal("Faulted", await s.ReserveAsync(1, "TOKEN2", evseId: 1));
    }

    [Fact]
    public async Task ReserveNow_UnknownEvse_Rejected()
    {
        await using var s = await StartAsync();
        Assert.Equal("Rejected", await s.ReserveAsync(1, "TOKEN1", evseId: 3));
        Assert.Equal("Rejected", await s.ReserveAsync(2, "TOKEN1", evseId: 1, connectorType: "cCCS2"));
        Assert.Empty(s.Manager.Reservations);
    }

    [Fact]
    public async Task ReserveNow_ExpiryInThePast_Rejected()
    {
        await using var s = await StartAsync();
        Assert.Equal("Rejected", await s.ReserveAsync(1, "TOKEN1", evseId: 1, expirySeconds: -1));
        Assert.Empty(s.Manager.Reservations);
    }

    [Fact]
    public async Task TC_H_19_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", evseId: 1, group: "GROUP1"));
        await s.WaitStatusAsync(1, "Reserved");

        // H03.FR.04: another card of the same group (its group known from list, cache or Authorize) may use it.
        Assert.False(s.Gate.Check(1, Token("TOKEN2"), Group("OTHER")).Allowed);
        var check = s.Gate.Check(1, Token("TOKEN2"), Group("GROUP1"));
        Assert.Equal((true, (int?)1), (check.Allowed, check.ReservationId));
        await s.Gate.ConsumeAsync(1, CancellationToken.None);
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
        Assert.Empty(s.Manager.Reservations);
    }

    [Fact]
    public async Task TC_H_22_CS()
    {
        await using var s = await StartAsync();
        var set = await s.H.Session.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"ReservationCtrlr"},"variable":{"name":"Enabled"},"attributeValue":"false"}]}""");
        Assert.Equal("Accepted", set[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Rejected", await s.ReserveAsync(1, "TOKEN1", evseId: 1));
        Assert.Equal("Rejected", await s.ReserveAsync(2, "TOKEN1"));
        Assert.Empty(s.Manager.Reservations);
    }

    [Fact]
    public async Task TC_H_23_CS()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(5, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");

        // H01.FR.02: the same id replaces the reservation; the EVSE stays Reserved, now for TOKEN2.
        Assert.Equal("Accepted", await s.ReserveAsync(5, "TOKEN2", evseId: 1));
        Assert.False(s.Gate.Check(1, Token("TOKEN1"), null).Allowed);
        var check = s.Gate.Check(1, Token("TOKEN2"), null);
        Assert.Equal((true, (int?)5), (check.Allowed, check.ReservationId));
        await s.Gate.ConsumeAsync(5, CancellationToken.None);
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
        s.H.Transactions.Start(1);
        s.H.Connectors.Set(1, ConnectorStatus.Occupied);
        await s.WaitStatusAsync(1, "Occupied");
    }

    [Fact]
    public async Task ReserveNow_SameIdOnOtherEvse_MovesTheReservation()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(5, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");
        Assert.Equal("Accepted", await s.ReserveAsync(5, "TOKEN1", evseId: 2));
        await s.WaitStatusAsync(2, "Reserved");
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
        Assert.Equal([2], s.Manager.Reservations.Select(r => r.EvseId!.Value));
    }

    [Fact]
    public async Task ReservationCtrlrDisabled_WithOpenReservation_EvseFreeUntilEnabledAgain()
    {
        await using var s = await StartAsync();
        Assert.Equal("Accepted", await s.ReserveAsync(1, "TOKEN1", evseId: 1));
        await s.WaitStatusAsync(1, "Reserved");

        // Part 2 appendix ReservationCtrlr: disabled, the entries stay but are not used; enabled again, they are.
        s.H.Model.TrySet(VariableKey.Of("ReservationCtrlr", "Enabled"), null, "false", out _);
        await s.WaitStatusAsync(1, "Available", occurrence: 2);
        Assert.True(s.Gate.Check(1, Token("TOKEN2"), null).Allowed);
        s.H.Model.TrySet(VariableKey.Of("ReservationCtrlr", "Enabled"), null, "true", out _);
        await s.WaitStatusAsync(1, "Reserved", occurrence: 2);
        Assert.False(s.Gate.Check(1, Token("TOKEN2"), null).Allowed);
    }
}
