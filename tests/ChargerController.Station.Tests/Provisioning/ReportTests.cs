using System.Text.Json;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Provisioning;

/// <summary>GetBaseReport (B07) and GetReport (B08) with NotifyReport parts, OCA Part 6 scenarios.</summary>
public sealed class ReportTests : IAsyncLifetime
{
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync();
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TC_B_12_CS()
    {
        var data = await BaseReportAsync("ConfigurationInventory", 11);
        Assert.Contains(data, d => Name(d) == "OCPPCommCtrlr/HeartbeatInterval");
        Assert.DoesNotContain(data, d => d.GetProperty("variableAttribute")[0].GetProperty("mutability").GetString() == "ReadOnly");

        // B07.FR.03: WriteOnly values are never reported.
        var password = data.Single(d => Name(d) == "SecurityCtrlr/BasicAuthPassword");
        Assert.False(password.GetProperty("variableAttribute")[0].TryGetProperty("value", out _));
    }

    [Fact]
    public async Task TC_B_13_CS()
    {
        var data = await BaseReportAsync("FullInventory", 12);
        Assert.Equal(_h.Model.Definitions.Count, data.Count);
        Assert.All(data, d => Assert.True(d.TryGetProperty("variableCharacteristics", out _)));
    }

    [Fact]
    public async Task TC_B_14_CS()
    {
        var data = await BaseReportAsync("SummaryInventory", 13);
        Assert.NotEmpty(data);
        Assert.All(data, d => Assert.Contains(d.GetProperty("variable").GetProperty("name").GetString(), new[] { "AvailabilityState", "Available", "Problem" }));
    }

    [Fact]
    public async Task TC_B_53_CS()
    {
        // The mandatory variables of the Core profile are present in a FullInventory.
        var names = (await BaseReportAsync("FullInventory", 14)).Select(Name).ToHashSet();
        string[] mandatory =
        [
            "OCPPCommCtrlr/HeartbeatInterval", "OCPPCommCtrlr/MessageTimeout", "OCPPCommCtrlr/NetworkConfigurationPriority", "OCPPCommCtrlr/NetworkProfileConnectionAttempts",
            "OCPPCommCtrlr/OfflineThreshold", "OCPPCommCtrlr/MessageAttempts", "OCPPCommCtrlr/MessageAttemptInterval", "OCPPCommCtrlr/ResetRetries",
            "OCPPCommCtrlr/FileTransferProtocols", "SecurityCtrlr/SecurityProfile", "SecurityCtrlr/Identity", "SecurityCtrlr/OrganizationName", "SecurityCtrlr/CertificateEntries",
            "DeviceDataCtrlr/ItemsPerMessage", "DeviceDataCtrlr/BytesPerMessage", "ClockCtrlr/DateTime", "ClockCtrlr/TimeSource", "TxCtrlr/EVConnectionTimeOut",
            "TxCtrlr/StopTxOnEVSideDisconnect", "TxCtrlr/StopTxOnInvalidId", "TxCtrlr/TxStartPoint", "TxCtrlr/TxStopPoint", "SampledDataCtrlr/TxEndedMeasurands",
            "SampledDataCtrlr/TxEndedInterval", "SampledDataCtrlr/TxStartedMeasurands", "SampledDataCtrlr/TxUpdatedMeasurands", "SampledDataCtrlr/TxUpdatedInterval",
            "AlignedDataCtrlr/Measurands", "AlignedDataCtrlr/Interval", "AlignedDataCtrlr/TxEndedMeasurands", "AlignedDataCtrlr/TxEndedInterval",
            "AuthCtrlr/AuthorizeRemoteStart", "AuthCtrlr/LocalAuthorizeOffline", "AuthCtrlr/LocalPreAuthorize", "ChargingStation/AvailabilityState",
            "EVSE/AvailabilityState", "EVSE/Power", "Connector/AvailabilityState", "Connector/ConnectorType",
        ];
        Assert.All(mandatory, m => Assert.Contains(m, names));
    }

    [Fact]
    public async Task TC_B_16_CS()
    {
        var data = await ReportAsync("""{"requestId":21,"componentCriteria":["Enabled"]}""", 21);
        Assert.Contains(data, d => Name(d) == "AuthCacheCtrlr/Enabled");
    }

    [Fact]
    public async Task TC_B_17_CS()
    {
        var data = await ReportAsync("""{"requestId":22,"componentVariable":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""", 22);
        Assert.Equal("OCPPCommCtrlr/HeartbeatInterval", Assert.Single(data).Let(Name));
    }

    [Fact]
    public async Task TC_B_18_CS()
    {
        var data = await ReportAsync("""{"requestId":23,"componentCriteria":["Available"],"componentVariable":[{"component":{"name":"AuthCacheCtrlr"}}]}""", 23);
        Assert.All(data, d => Assert.Equal("AuthCacheCtrlr", d.GetProperty("component").GetProperty("name").GetString()));
        Assert.Contains(data, d => Name(d) == "AuthCacheCtrlr/LifeTime");
    }

    [Fact]
    public async Task GetReport_ProblemCriterionNoProblems_EmptyResultSet()
    {
        var reply = await _h.Session.CallAsync("GetReport", """{"requestId":24,"componentCriteria":["Problem"]}""");
        Assert.Equal("EmptyResultSet", reply[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_B_54_CS()
    {
        var data = await ReportAsync("""{"requestId":25,"componentVariable":[{"component":{"name":"DeviceDataCtrlr"},"variable":{"name":"ItemsPerMessage"}}]}""", 25);
        Assert.Equal(["GetReport", "GetVariables", "SetVariables"], data.Select(d => d.GetProperty("variable").GetProperty("instance").GetString()).Order());
    }

    [Fact]
    public async Task TC_B_55_CS()
    {
        var data = await ReportAsync("""{"requestId":26,"componentVariable":[{"component":{"name":"DeviceDataCtrlr"},"variable":{"name":"ItemsPerMessage","instance":"GetVariables"}}]}""", 26);
        Assert.Equal("GetVariables", Assert.Single(data).GetProperty("variable").GetProperty("instance").GetString());
    }

    [Fact]
    public async Task TC_B_56_CS()
    {
        var data = await ReportAsync("""{"requestId":27,"componentVariable":[{"component":{"name":"EVSE"},"variable":{"name":"AvailabilityState"}}]}""", 27);
        Assert.Equal([1, 2], data.Select(d => d.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32()).Order());
    }

    private static string Name(JsonElement d) => d.GetProperty("component").GetProperty("name").GetString() + "/" + d.GetProperty("variable").GetProperty("name").GetString();

    private async Task<List<JsonElement>> BaseReportAsync(string reportBase, int requestId)
    {
        var reply = await _h.Session.CallAsync("GetBaseReport", $$"""{"requestId":{{requestId}},"reportBase":"{{reportBase}}"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        return await CollectAsync(requestId);
    }

    private async Task<List<JsonElement>> ReportAsync(string payload, int requestId)
    {
        var reply = await _h.Session.CallAsync("GetReport", payload);
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        return await CollectAsync(requestId);
    }

    private async Task<List<JsonElement>> CollectAsync(int requestId)
    {
        // Parts come with seqNo 0.. and tbc=true on all but the last (B07.FR.04/10); each within ItemsPerMessage[GetReport].
        await _h.Session.WaitForFrameAsync(f => f.Action == "NotifyReport" && f.Json!.Value[3].GetProperty("requestId").GetInt32() == requestId && !f.Json!.Value[3].TryGetProperty("tbc", out _));
        var parts = _h.Calls("NotifyReport").Where(p => p.GetProperty("requestId").GetInt32() == requestId).ToList();
        Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(p => p.GetProperty("seqNo").GetInt32()));
        Assert.All(parts.SkipLast(1), p => Assert.True(p.GetProperty("tbc").GetBoolean()));
        Assert.All(parts, p => Assert.InRange(p.GetProperty("reportData").GetArrayLength(), 1, 20));
        return [.. parts.SelectMany(p => p.GetProperty("reportData").EnumerateArray())];
    }
}
