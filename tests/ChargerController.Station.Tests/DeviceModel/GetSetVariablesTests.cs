using System.Text.Json;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.DeviceModel;

/// <summary>GetVariables (B06) and SetVariables (B05) over the wire, OCA Part 6 scenarios.</summary>
public sealed class GetSetVariablesTests : IAsyncLifetime
{
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync();
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TC_B_06_CS()
    {
        var result = (await GetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"}}"""))[0];
        Assert.Equal("Accepted", result.GetProperty("attributeStatus").GetString());
        Assert.Equal("300", result.GetProperty("attributeValue").GetString());
    }

    [Fact]
    public async Task TC_B_07_CS()
    {
        var results = await GetAsync(
            """{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"}}""",
            """{"component":{"name":"AuthCtrlr"},"variable":{"name":"AuthorizeRemoteStart"}}""",
            """{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"}}""");
        Assert.Equal(3, results.Length);
        Assert.All(results, r => Assert.Equal("Accepted", r.GetProperty("attributeStatus").GetString()));
        Assert.Equal("true", results[1].GetProperty("attributeValue").GetString());
    }

    [Fact]
    public async Task TC_B_32_CS()
    {
        var result = (await GetAsync("""{"component":{"name":"UnknownCtrlr"},"variable":{"name":"OfflineThreshold"}}"""))[0];
        Assert.Equal("UnknownComponent", result.GetProperty("attributeStatus").GetString());
        Assert.False(result.TryGetProperty("attributeValue", out _));
    }

    [Fact]
    public async Task TC_B_33_CS()
    {
        var result = (await GetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"NoSuchVariable"}}"""))[0];
        Assert.Equal("UnknownVariable", result.GetProperty("attributeStatus").GetString());
        Assert.False(result.TryGetProperty("attributeValue", out _));
    }

    [Fact]
    public async Task TC_B_34_CS()
    {
        var result = (await GetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"},"attributeType":"Target"}"""))[0];
        Assert.Equal("NotSupportedAttributeType", result.GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public async Task TC_B_09_CS()
    {
        var result = (await SetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"},"attributeValue":"123"}"""))[0];
        Assert.Equal("Accepted", result.GetProperty("attributeStatus").GetString());
        Assert.Equal("123", (await GetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"}}"""))[0].GetProperty("attributeValue").GetString());
    }

    [Fact]
    public async Task TC_B_10_CS()
    {
        var results = await SetAsync(
            """{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"},"attributeValue":"200"}""",
            """{"component":{"name":"AuthCtrlr"},"variable":{"name":"AuthorizeRemoteStart"},"attributeValue":"false"}""",
            """{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"},"attributeValue":"-5"}""");
        Assert.Equal(["Accepted", "Accepted", "Rejected"], results.Select(r => r.GetProperty("attributeStatus").GetString()));
        Assert.False(_h.Model.GetBool("AuthCtrlr", "AuthorizeRemoteStart", true));
    }

    [Fact]
    public async Task TC_B_35_CS()
    {
        var result = (await SetAsync("""{"component":{"name":"UnknownCtrlr"},"variable":{"name":"OfflineThreshold"},"attributeValue":"1"}"""))[0];
        Assert.Equal("UnknownComponent", result.GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public async Task TC_B_36_CS()
    {
        var result = (await SetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"NoSuchVariable"},"attributeValue":"1"}"""))[0];
        Assert.Equal("UnknownVariable", result.GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public async Task TC_B_37_CS()
    {
        var result = (await SetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"},"attributeValue":"1","attributeType":"MaxSet"}"""))[0];
        Assert.Equal("NotSupportedAttributeType", result.GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public async Task TC_B_11_CS()
    {
        // Part 6: OfflineThreshold and AuthorizeRemoteStart with a valid value, a decimal, a boolean, a date-time and text.
        foreach (var (value, integerOk, booleanOk) in new[] { ("300", true, false), ("300.1", false, false), ("true", false, true), ("2025-01-01T12:00:00Z", false, false), ("abc", false, false) })
        {
            var threshold = (await SetAsync($$"""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"},"attributeValue":"{{value}}"}"""))[0];
            var remoteStart = (await SetAsync($$"""{"component":{"name":"AuthCtrlr"},"variable":{"name":"AuthorizeRemoteStart"},"attributeValue":"{{value}}"}"""))[0];
            Assert.Equal(integerOk ? "Accepted" : "Rejected", threshold.GetProperty("attributeStatus").GetString());
            Assert.Equal(booleanOk ? "Accepted" : "Rejected", remoteStart.GetProperty("attributeStatus").GetString());
            if (!integerOk)
            {
                Assert.Equal("InvalidValue", threshold.GetProperty("attributeStatusInfo").GetProperty("reasonCode").GetString());
            }
        }

        Assert.Equal("300", _h.Model.GetValue(ChargerController.Station.DeviceModel.VariableKey.Of("OCPPCommCtrlr", "OfflineThreshold")));
    }

    [Fact]
    public async Task TC_B_39_CS()
    {
        var result = (await SetAsync("""{"component":{"name":"SecurityCtrlr"},"variable":{"name":"SecurityProfile"},"attributeValue":"3"}"""))[0];
        Assert.Equal("Rejected", result.GetProperty("attributeStatus").GetString());
        Assert.Equal("1", _h.Model.GetValue(ChargerController.Station.DeviceModel.VariableKey.Of("SecurityCtrlr", "SecurityProfile")));
    }

    [Fact]
    public async Task SetVariables_RebootRequiredVariable_AnswersRebootRequired()
    {
        var result = (await SetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"MessageTimeout","instance":"Default"},"attributeValue":"45"}"""))[0];
        Assert.Equal("RebootRequired", result.GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public async Task GetVariables_WriteOnlyPassword_RejectedWithoutValue()
    {
        var result = (await GetAsync("""{"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}"""))[0];
        Assert.Equal("Rejected", result.GetProperty("attributeStatus").GetString());
        Assert.False(result.TryGetProperty("attributeValue", out _));
    }

    [Fact]
    public async Task GetVariables_MoreThanItemsPerMessage_OccurrenceConstraintViolation()
    {
        var items = string.Join(',', Enumerable.Repeat("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"}}""", 21));
        var reply = await _h.Session.CallAsync("GetVariables", $$"""{"getVariableData":[{{items}}]}""");
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal("OccurrenceConstraintViolation", reply[2].GetString());
    }

    [Fact]
    public async Task SetVariables_HeartbeatInterval_ReschedulesHeartbeat()
    {
        await SetAsync("""{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"attributeValue":"10"}""");
        await _h.AdvanceUntilAsync(() => _h.Calls("Heartbeat").Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    private async Task<JsonElement[]> GetAsync(params string[] items)
    {
        var reply = await _h.Session.CallAsync("GetVariables", $$"""{"getVariableData":[{{string.Join(',', items)}}]}""");
        Assert.Equal(3, reply[0].GetInt32());
        return [.. reply[2].GetProperty("getVariableResult").EnumerateArray()];
    }

    private async Task<JsonElement[]> SetAsync(params string[] items)
    {
        var reply = await _h.Session.CallAsync("SetVariables", $$"""{"setVariableData":[{{string.Join(',', items)}}]}""");
        Assert.Equal(3, reply[0].GetInt32());
        return [.. reply[2].GetProperty("setVariableResult").EnumerateArray()];
    }
}
