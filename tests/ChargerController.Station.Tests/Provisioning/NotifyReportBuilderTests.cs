using System.Text.Json;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Provisioning;

namespace ChargerController.Station.Tests.Provisioning;

/// <summary>NotifyReport parts within BytesPerMessage[GetReport] as well as ItemsPerMessage (B07/B08).</summary>
public sealed class NotifyReportBuilderTests
{
    [Fact]
    public void Split_ByteLimit_EveryFrameWithinLimitAndNothingLost()
    {
        var definitions = DeviceModelCatalog.Create(new StationIdentity { EvseCount = 2 });
        var data = definitions.Select(d => NotifyReportBuilder.ToReportData(d, d.InitialValue, withCharacteristics: true)).ToArray();
        const int Limit = 2000;

        var parts = NotifyReportBuilder.Split(3, DateTimeOffset.UnixEpoch, data, itemsPerMessage: 1000, bytesPerMessage: Limit);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(MessageSize.Of(p, OcppJsonContext.Default.NotifyReportRequest) <= Limit));
        Assert.Equal(data.Length, parts.Sum(p => p.ReportData!.Length));
        Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(p => p.SeqNo));
        Assert.All(parts.SkipLast(1), p => Assert.True(p.Tbc));
        Assert.Null(parts[^1].Tbc);
    }

    [Fact]
    public void Split_ItemLargerThanLimit_SentAlone()
    {
        var data = DeviceModelCatalog.Create(new StationIdentity()).Take(3)
            .Select(d => NotifyReportBuilder.ToReportData(d, d.InitialValue, withCharacteristics: false)).ToArray();

        var parts = NotifyReportBuilder.Split(1, DateTimeOffset.UnixEpoch, data, itemsPerMessage: 20, bytesPerMessage: 10);

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.Single(p.ReportData!));
    }

    [Fact]
    public async Task GetVariables_LongerThanBytesPerMessage_FormatViolation()
    {
        await using var h = await Conformance.StationHarness.StartAsync();
        await h.WaitAcceptedAsync();
        var items = string.Join(",", Enumerable.Range(0, 15).Select(i => "{\"component\":{\"name\":\"OCPPCommCtrlr\",\"instance\":\"" + new string('x', 50) + "\"},\"variable\":{\"name\":\"OfflineThreshold" + i + "\"}}"));
        h.Model.SetByStation(VariableKey.Of(DeviceModelCatalog.DeviceDataCtrlr, "BytesPerMessage", "GetVariables"), "1000");

        var reply = await h.Session.CallAsync("GetVariables", "{\"getVariableData\":[" + items + "]}");

        // B06.FR.17.
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal("FormatViolation", reply[2].GetString());
    }
}
