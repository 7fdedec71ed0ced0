using System.Text.Json;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.CustomerInformation;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Tests.Sessions;

namespace ChargerController.Station.Tests.Conformance.CustomerInformation;

/// <summary>CustomerInformation (N09/N10) over the loopback CSMS, with a real session coordinator holding a charging session.</summary>
public sealed class CustomerInformationTests : IAsyncLifetime
{
    private readonly TokenRecordStore _cache = new();
    private SimulatedStation _station = null!;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _station = new SimulatedStation();
        _cache.Add("04A1B2C3", "04A1B2C3 Accepted, cached 2025-01-01T11:00:00Z");
        _h = await StationHarness.StartAsync(modules: _ => [new CustomerInformationModule([_cache, new ActiveSessionCustomerData(_station.Sessions)])]);
        _h.Csms.Respond("NotifyCustomerInformation", "{}");
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _station.DisposeAsync();
    }

    [Fact]
    public async Task TC_N_27_CS()
    {
        await _station.RunForAsync(TimeSpan.FromSeconds(1));
        _station.Evse(1).Ev.Plug(CpState.C);
        await _station.RunUntilAsync(() => _station.Snapshot(1).PilotState == PilotState.B1, TimeSpan.FromSeconds(5));
        Assert.True((await _station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None)).Accepted);

        var data = await RequestAsync(1, """{"requestId":1,"report":true,"clear":false,"idToken":{"idToken":"04a1b2c3","type":"ISO14443"}}""", "Accepted");
        Assert.Contains("AuthCache: 04A1B2C3 Accepted", data, StringComparison.Ordinal);
        Assert.Contains("Session: EVSE 1, transaction tx-1", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TC_N_28_CS()
    {
        var data = await RequestAsync(2, """{"requestId":2,"report":true,"clear":false,"idToken":{"idToken":"DEADBEEF","type":"ISO14443"}}""", "Accepted");
        Assert.Equal(CustomerInformationHandler.NoDataFound, data);
        Assert.Single(_h.Calls("NotifyCustomerInformation"));
    }

    [Fact]
    public async Task TC_N_30_CS()
    {
        var data = await RequestAsync(3, """{"requestId":3,"report":true,"clear":true,"idToken":{"idToken":"04A1B2C3","type":"ISO14443"}}""", "Accepted");
        Assert.Contains("AuthCache: 04A1B2C3 Accepted", data, StringComparison.Ordinal);
        Assert.Empty(_cache.Tokens);

        Assert.Equal(CustomerInformationHandler.NoDataFound, await RequestAsync(4, """{"requestId":4,"report":true,"clear":false,"idToken":{"idToken":"04A1B2C3","type":"ISO14443"}}""", "Accepted"));
    }

    [Fact]
    public async Task TC_N_31_CS()
    {
        var data = await RequestAsync(5, """{"requestId":5,"report":true,"clear":true,"idToken":{"idToken":"CAFE0001","type":"ISO14443"}}""", "Accepted");
        Assert.Equal(CustomerInformationHandler.NoDataFound, data);
        Assert.Single(_cache.Tokens);
    }

    [Fact]
    public async Task TC_N_32_CS()
    {
        var reply = await _h.Session.CallAsync("CustomerInformation", """{"requestId":6,"report":false,"clear":true,"idToken":{"idToken":"04A1B2C3","type":"ISO14443"}}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await _h.AdvanceUntilAsync(() => _cache.Tokens.Count == 0, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.Empty(_h.Calls("NotifyCustomerInformation"));
    }

    [Fact]
    public async Task TC_N_62_CS()
    {
        var data = await RequestAsync(7, """{"requestId":7,"report":true,"clear":true,"customerIdentifier":"customer-42"}""", "Accepted");
        Assert.Equal(CustomerInformationHandler.NoDataFound, data);
        Assert.Single(_cache.Tokens);
    }

    [Fact]
    public async Task TC_N_63_CS()
    {
        // No block stores customer certificates yet: the reference is accepted and nothing is found.
        var data = await RequestAsync(12, """{"requestId":12,"report":true,"clear":true,"customerCertificate":{"hashAlgorithm":"SHA256","issuerNameHash":"aa","issuerKeyHash":"bb","serialNumber":"01"}}""", "Accepted");
        Assert.Equal(CustomerInformationHandler.NoDataFound, data);
        Assert.Single(_cache.Tokens);
    }

    [Fact]
    public async Task N09_FR_09_NoneOrSeveralReferences_Invalid()
    {
        await RequestAsync(8, """{"requestId":8,"report":true,"clear":false}""", "Invalid");
        await RequestAsync(9, """{"requestId":9,"report":true,"clear":false,"customerIdentifier":"c","idToken":{"idToken":"04A1B2C3","type":"ISO14443"}}""", "Invalid");
        Assert.Single(_cache.Tokens);
    }

    [Fact]
    public async Task N09_FR_07_NeitherReportNorClear_Rejected() =>
        await RequestAsync(10, """{"requestId":10,"report":false,"clear":false,"customerIdentifier":"c"}""", "Rejected");

    [Fact]
    public void Build_LongReport_SplitInto512CharacterParts()
    {
        var lines = Enumerable.Range(0, 40).Select(i => new string((char)('a' + (i % 26)), 100)).ToList();
        var parts = CustomerInformationHandler.Build(11, DateTimeOffset.UnixEpoch, lines);
        Assert.All(parts, p => Assert.True(p.Data.Length <= CustomerInformationHandler.MaxDataLength));
        Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(p => p.SeqNo));
        Assert.All(parts.SkipLast(1), p => Assert.True(p.Tbc));
        Assert.Null(parts[^1].Tbc);
        Assert.Equal(string.Join("\n", lines).Replace("\n", string.Empty, StringComparison.Ordinal), string.Concat(parts.Select(p => p.Data.Replace("\n", string.Empty, StringComparison.Ordinal))));
    }

    private async Task<string?> RequestAsync(int requestId, string payload, string expected)
    {
        var reply = await _h.Session.CallAsync("CustomerInformation", payload);
        Assert.Equal(expected, reply[2].GetProperty("status").GetString());
        if (expected != "Accepted")
        {
            await Task.Delay(100);
            Assert.DoesNotContain(_h.Calls("NotifyCustomerInformation"), c => c.GetProperty("requestId").GetInt32() == requestId);
            return null;
        }

        await _h.Session.WaitForFrameAsync(f => f.Action == "NotifyCustomerInformation" && f.Json!.Value[3].GetProperty("requestId").GetInt32() == requestId && !f.Json!.Value[3].TryGetProperty("tbc", out _));
        var parts = _h.Calls("NotifyCustomerInformation").Where(c => c.GetProperty("requestId").GetInt32() == requestId).OrderBy(c => c.GetProperty("seqNo").GetInt32());
        return string.Concat(parts.Select(p => p.GetProperty("data").GetString()));
    }
}
