using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Availability;

/// <summary>OCPPCommCtrlr.MinimumStatusDuration: a connector status shorter than it is never reported.</summary>
public sealed class MinimumStatusDurationTests
{
    [Fact]
    public async Task MinimumStatusDuration_ShortBlip_NotReported_StableChange_ReportedAfterTheDuration()
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        await h.WaitForCallsAsync("StatusNotification", 2);
        var reply = await h.Session.CallAsync("SetVariables", """{"setVariableData":[{"attributeValue":"10","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"MinimumStatusDuration"}}]}""");
        Assert.Equal("Accepted", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        // Occupied for 3 s only, then Available again: nothing to report.
        h.Connectors.Set(1, ConnectorStatus.Occupied);
        await StepAsync(h, TimeSpan.FromSeconds(3));
        h.Connectors.Set(1, ConnectorStatus.Available);
        await StepAsync(h, TimeSpan.FromSeconds(15));
        Assert.Equal(2, h.Calls("StatusNotification").Count);

        // Occupied and staying: reported once it held for 10 s, not before.
        h.Connectors.Set(2, ConnectorStatus.Occupied);
        await StepAsync(h, TimeSpan.FromSeconds(9));
        Assert.Equal(2, h.Calls("StatusNotification").Count);
        await h.AdvanceUntilAsync(() => h.Calls("StatusNotification").Count == 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        var status = h.Calls("StatusNotification")[2];
        Assert.Equal((2, "Occupied"), (status.GetProperty("evseId").GetInt32(), status.GetProperty("connectorStatus").GetString()));
    }

    [Fact]
    public async Task MinimumStatusDuration_Zero_ReportsImmediately()
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        await h.WaitForCallsAsync("StatusNotification", 2);
        h.Connectors.Set(1, ConnectorStatus.Occupied);
        var status = await h.WaitForCallsAsync("StatusNotification", 3);
        Assert.Equal("Occupied", status.GetProperty("connectorStatus").GetString());
    }

    private static async Task StepAsync(StationHarness h, TimeSpan total)
    {
        for (var t = TimeSpan.Zero; t < total; t += TimeSpan.FromSeconds(1))
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        await Task.Delay(200);
    }
}
