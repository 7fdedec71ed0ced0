using ChargerController.Ocpp.Enums;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Provisioning;

/// <summary>GetBaseReport of a report base the station is configured not to offer (B07.FR.02).</summary>
public sealed class UnsupportedReportBaseTests
{
    [Fact]
    public async Task TC_B_15_CS()
    {
        var setup = new HarnessSetup
        {
            RuntimeOptions = o => o with { SupportedReportBases = new HashSet<ReportBaseEnumType> { ReportBaseEnumType.ConfigurationInventory, ReportBaseEnumType.FullInventory } },
        };
        await using var h = await StationHarness.StartAsync(setup: setup);
        await h.WaitAcceptedAsync();

        var reply = await h.Session.CallAsync("GetBaseReport", """{"requestId":21,"reportBase":"SummaryInventory"}""");
        var full = await h.Session.CallAsync("GetBaseReport", """{"requestId":22,"reportBase":"FullInventory"}""");

        Assert.Equal("NotSupported", reply[2].GetProperty("status").GetString());
        Assert.Equal("Accepted", full[2].GetProperty("status").GetString());

        // No NotifyReport for request 21; request 22 is reported as usual.
        await h.AdvanceUntilAsync(() => h.Calls("NotifyReport").Any(r => r.GetProperty("requestId").GetInt32() == 22), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(h.Calls("NotifyReport"), r => r.GetProperty("requestId").GetInt32() == 21);
    }
}
