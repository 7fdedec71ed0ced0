using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.RemoteControl;

/// <summary>TriggerMessage (F06), OCA Part 6 scenarios.</summary>
public sealed class TriggerMessageTests : IAsyncLifetime
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
    public async Task TC_F_15_CS()
    {
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"LogStatusNotification"}"""));
        Assert.Equal("Idle", (await _h.WaitForCallsAsync("LogStatusNotification", 1)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_F_18_CS()
    {
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"FirmwareStatusNotification"}"""));
        Assert.Equal("Idle", (await _h.WaitForCallsAsync("FirmwareStatusNotification", 1)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_F_17_CS()
    {
        // F06.FR.03: an EVSE given for a station-wide message is ignored.
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"FirmwareStatusNotification","evse":{"id":1}}"""));
        await _h.WaitForCallsAsync("FirmwareStatusNotification", 1);
    }

    [Fact]
    public async Task TC_F_20_CS()
    {
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"Heartbeat"}"""));
        await _h.WaitForCallsAsync("Heartbeat", 1);
    }

    [Fact]
    public async Task TC_F_23_CS()
    {
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"StatusNotification","evse":{"id":1,"connectorId":1}}"""));
        var status = await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal(("Available", 1), (status.GetProperty("connectorStatus").GetString(), status.GetProperty("evseId").GetInt32()));
    }

    [Fact]
    public async Task TC_F_24_CS()
    {
        _h.Connectors.Set(2, ConnectorStatus.Occupied);
        await _h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"StatusNotification","evse":{"id":2,"connectorId":1}}"""));
        var status = await _h.WaitForCallsAsync("StatusNotification", 4);
        Assert.Equal(("Occupied", 2), (status.GetProperty("connectorStatus").GetString(), status.GetProperty("evseId").GetInt32()));
    }

    [Fact]
    public async Task TC_F_26_CS()
    {
        // F06.FR.17: BootNotification after Accepted → Rejected, none sent.
        Assert.Equal("Rejected", await TriggerAsync("""{"requestedMessage":"BootNotification"}"""));
        await Task.Delay(100);
        Assert.Single(_h.Calls("BootNotification"));
    }

    [Fact]
    public async Task TC_F_27_CS()
    {
        // F06.FR.08: a message the station cannot send → NotImplemented (no metering/transaction source wired here).
        Assert.Equal("NotImplemented", await TriggerAsync("""{"requestedMessage":"SignV2GCertificate"}"""));
        Assert.Equal("NotImplemented", await TriggerAsync("""{"requestedMessage":"MeterValues"}"""));
    }

    [Fact]
    public async Task TriggerMessage_UnknownEvse_Rejected() =>
        Assert.Equal("Rejected", await TriggerAsync("""{"requestedMessage":"StatusNotification","evse":{"id":7,"connectorId":1}}"""));

    private async Task<string?> TriggerAsync(string payload)
    {
        var reply = await _h.Session.CallAsync("TriggerMessage", payload);
        Assert.Equal(3, reply[0].GetInt32());
        return reply[2].GetProperty("status").GetString();
    }
}
