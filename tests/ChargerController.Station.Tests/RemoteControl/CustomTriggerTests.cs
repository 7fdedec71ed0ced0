using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.RemoteControl;

/// <summary>TriggerMessage with requestedMessage CustomTrigger (2.1, F06.FR.18/19) on a station that defines no custom triggers.</summary>
public sealed class CustomTriggerTests
{
    [Fact]
    public async Task F06_FR_19_UnsupportedCustomTrigger_NotImplemented()
    {
        await using var h = await StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        var reply = await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"CustomTrigger","customTrigger":"ConnectorStatus"}""", TimeSpan.FromSeconds(10));
        Assert.Equal("NotImplemented", reply[2].GetProperty("status").GetString());

        // F06.FR.18 note: supported custom triggers are those listed in CustomizationCtrlr.CustomTriggers; there are none.
        var report = await h.Session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"CustomizationCtrlr"},"variable":{"name":"CustomTriggers"}}]}""", TimeSpan.FromSeconds(10));
        Assert.NotEqual("Accepted", report[2].GetProperty("getVariableResult")[0].GetProperty("attributeStatus").GetString());
    }
}
