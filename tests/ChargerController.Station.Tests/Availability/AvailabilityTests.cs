using System.Text.Json;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Availability;

/// <summary>StatusNotification (G01) and ChangeAvailability (G03/G04), OCA Part 6 scenarios.</summary>
public sealed class AvailabilityTests : IAsyncLifetime
{
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync();
        await _h.WaitAcceptedAsync();
        await _h.WaitForCallsAsync("StatusNotification", 2);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TC_G_01_CS()
    {
        _h.Connectors.Set(1, ConnectorStatus.Occupied);
        var status = await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal("Occupied", status.GetProperty("connectorStatus").GetString());
        Assert.Equal(1, status.GetProperty("evseId").GetInt32());
        Assert.Equal(1, status.GetProperty("connectorId").GetInt32());
    }

    [Fact]
    public async Task TC_G_02_CS()
    {
        _h.Connectors.Set(1, ConnectorStatus.Occupied);
        await _h.WaitForCallsAsync("StatusNotification", 3);
        _h.Connectors.Set(1, ConnectorStatus.Available);
        Assert.Equal("Available", (await _h.WaitForCallsAsync("StatusNotification", 4)).GetProperty("connectorStatus").GetString());
    }

    [Fact]
    public async Task TC_G_03_CS()
    {
        Assert.Equal("Accepted", await ChangeAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}"""));
        var status = await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal("Unavailable", status.GetProperty("connectorStatus").GetString());
        Assert.Equal(1, status.GetProperty("evseId").GetInt32());
        Assert.False(_h.Connectors.Operative[1]);
        Assert.True(_h.Connectors.Operative[2]);
    }

    [Fact]
    public async Task TC_G_04_CS()
    {
        await ChangeAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}""");
        await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal("Accepted", await ChangeAsync("""{"evse":{"id":1},"operationalStatus":"Operative"}"""));
        Assert.Equal("Available", (await _h.WaitForCallsAsync("StatusNotification", 4)).GetProperty("connectorStatus").GetString());
        Assert.True(_h.Connectors.Operative[1]);
    }

    [Fact]
    public async Task TC_G_05_CS()
    {
        Assert.Equal("Accepted", await ChangeAsync("""{"operationalStatus":"Inoperative"}"""));
        await _h.WaitForCallsAsync("StatusNotification", 4);
        Assert.All(_h.Calls("StatusNotification").Skip(2), s => Assert.Equal("Unavailable", s.GetProperty("connectorStatus").GetString()));
    }

    [Fact]
    public async Task TC_G_06_CS()
    {
        await ChangeAsync("""{"operationalStatus":"Inoperative"}""");
        await _h.WaitForCallsAsync("StatusNotification", 4);
        Assert.Equal("Accepted", await ChangeAsync("""{"operationalStatus":"Operative"}"""));
        await _h.WaitForCallsAsync("StatusNotification", 6);
        Assert.All(_h.Calls("StatusNotification").Skip(4), s => Assert.Equal("Available", s.GetProperty("connectorStatus").GetString()));
    }

    [Fact]
    public async Task TC_G_07_CS()
    {
        Assert.Equal("Accepted", await ChangeAsync("""{"evse":{"id":2,"connectorId":1},"operationalStatus":"Inoperative"}"""));
        var status = await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal(("Unavailable", 2), (status.GetProperty("connectorStatus").GetString(), status.GetProperty("evseId").GetInt32()));
    }

    [Fact]
    public async Task TC_G_08_CS()
    {
        await ChangeAsync("""{"evse":{"id":2,"connectorId":1},"operationalStatus":"Inoperative"}""");
        await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal("Accepted", await ChangeAsync("""{"evse":{"id":2,"connectorId":1},"operationalStatus":"Operative"}"""));
        Assert.Equal("Available", (await _h.WaitForCallsAsync("StatusNotification", 4)).GetProperty("connectorStatus").GetString());
    }

    private async Task SameState_Operative_AcceptedWithoutStatusNotification(string testCase, string payload)
    {
        Assert.StartsWith("TC_G_", testCase, StringComparison.Ordinal);
        Assert.Equal("Accepted", await ChangeAsync(payload));
        await Task.Delay(100);
        Assert.Equal(2, _h.Calls("StatusNotification").Count);
    }

    [Fact]
    public async Task TC_G_09_CS() => await SameState_Operative_AcceptedWithoutStatusNotification(nameof(TC_G_09_CS), """{"evse":{"id":1},"operationalStatus":"Operative"}""");

    [Fact]
    public async Task TC_G_12_CS() => await SameState_Operative_AcceptedWithoutStatusNotification(nameof(TC_G_12_CS), """{"operationalStatus":"Operative"}""");

    [Fact]
    public async Task TC_G_15_CS() => await SameState_Operative_AcceptedWithoutStatusNotification(nameof(TC_G_15_CS), """{"evse":{"id":1,"connectorId":1},"operationalStatus":"Operative"}""");

    [Fact]
    public async Task TC_G_10_CS() => await InoperativeTwiceAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}""", 3);

    [Fact]
    public async Task TC_G_13_CS() => await InoperativeTwiceAsync("""{"operationalStatus":"Inoperative"}""", 4);

    [Fact]
    public async Task TC_G_16_CS() => await InoperativeTwiceAsync("""{"evse":{"id":1,"connectorId":1},"operationalStatus":"Inoperative"}""", 3);

    [Fact]
    public async Task TC_G_11_CS() => await WithTransactionAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}""");

    [Fact]
    public async Task TC_G_14_CS() => await WithTransactionAsync("""{"operationalStatus":"Inoperative"}""");

    [Fact]
    public async Task TC_G_17_CS() => await WithTransactionAsync("""{"evse":{"id":1,"connectorId":1},"operationalStatus":"Inoperative"}""");

    [Fact]
    public async Task ChangeAvailability_UnknownEvse_Rejected() =>
        Assert.Equal("Rejected", await ChangeAsync("""{"evse":{"id":9},"operationalStatus":"Inoperative"}"""));

    [Fact]
    public async Task ChangeAvailability_Inoperative_ReflectedInDeviceModel()
    {
        await ChangeAsync("""{"evse":{"id":1},"operationalStatus":"Inoperative"}""");
        await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal("Unavailable", _h.Model.GetValue(new VariableKey("Connector", null, 1, 1, "AvailabilityState", null)));
    }

    private async Task InoperativeTwiceAsync(string payload, int expectedReports)
    {
        Assert.Equal("Accepted", await ChangeAsync(payload));
        await _h.WaitForCallsAsync("StatusNotification", expectedReports);
        Assert.Equal("Accepted", await ChangeAsync(payload));
        await Task.Delay(100);
        Assert.Equal(expectedReports, _h.Calls("StatusNotification").Count);
    }

    private async Task WithTransactionAsync(string payload)
    {
        _h.Transactions.Start(1);
        _h.Connectors.Set(1, ConnectorStatus.Occupied);
        await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal("Scheduled", await ChangeAsync(payload));
        await Task.Delay(100);
        Assert.Equal(3, _h.Calls("StatusNotification").Count);

        // G03.FR.05: applied when the transaction ends; the connector then goes Unavailable.
        _h.Connectors.Set(1, ConnectorStatus.Available);
        _h.Transactions.End(1);
        await _h.Session.WaitForFrameAsync(f => f.Action == "StatusNotification" && f.Json!.Value[3].GetProperty("evseId").GetInt32() == 1 && f.Json!.Value[3].GetProperty("connectorStatus").GetString() == "Unavailable");
    }

    private async Task<string?> ChangeAsync(string payload)
    {
        JsonElement reply = await _h.Session.CallAsync("ChangeAvailability", payload);
        Assert.Equal(3, reply[0].GetInt32());
        return reply[2].GetProperty("status").GetString();
    }
}
