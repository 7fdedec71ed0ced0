using System.Text;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Diagnostics.DataCollector;
using ChargerController.Station.Diagnostics.LogUpload;
using ChargerController.Station.Tests.Fakes;
using ChargerController.Testing.Transfer;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.LogUpload;

/// <summary>GetLog DataCollectorLog (N01 alternative scenario, N01.FR.24, Part 2 §2.18.8) with the meter sampled in virtual time.</summary>
public sealed class DataCollectorLogTests : IAsyncLifetime
{
    private LoopbackUploadServer _server = null!;
    private StationHarness _h = null!;
    private DataCollectorLog _collector = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackUploadServer.StartAsync();
        _h = await StationHarness.StartAsync(setup: new HarnessSetup
        {
            Modules = h =>
            {
                var meter = new FakeEnergyMeter(h.Time) { CurrentA = 16 };
                _collector = new DataCollectorLog(new Dictionary<int, IEnergyMeter> { [1] = meter }, h.Time);
                var manager = new LogUploadManager([_collector], [new HttpLogUploader()], new LogUploadOptions { DefaultRetries = 0 }, h.Time, NullLoggerFactory.Instance);
                return [_collector, manager];
            },
        });
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TC_N_100_CS()
    {
        var set = await _h.Session.CallAsync("SetVariables", """
            {"setVariableData":[
              {"attributeValue":"Energy.Active.Import.Register,Current.Import","component":{"name":"DataCollector","evse":{"id":1}},"variable":{"name":"SampledMeasurands"}},
              {"attributeValue":"0.5","component":{"name":"DataCollector","evse":{"id":1}},"variable":{"name":"SamplingInterval"}},
              {"attributeValue":"true","component":{"name":"DataCollector","evse":{"id":1}},"variable":{"name":"Enabled"}}]}
            """);
        Assert.All(set[2].GetProperty("setVariableResult").EnumerateArray(), r => Assert.Equal("Accepted", r.GetProperty("attributeStatus").GetString()));

        // Three samples of energy + three phase currents.
        await _h.AdvanceUntilAsync(() => _collector.SampleCount >= 12, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1));

        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(100, "DataCollectorLog", _server.BaseUrl + "dc/"));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var fileName = reply[2].GetProperty("filename").GetString()!;
        Assert.Contains("DataCollectorLog", fileName, StringComparison.Ordinal);
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 100), ("Uploaded", 100)], LogUploadSetup.Statuses(_h));

        var body = Encoding.UTF8.GetString(Assert.Single(_server.Received).Body);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 12);
        Assert.Contains(lines, l => l.EndsWith(" evse=1 Energy.Active.Import.Register 1000 Wh", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" evse=1 Current.Import.L1 16 A", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.NotNull(FileLogSource.Timestamp(l)));

        // §2.18.8.4: cleared once retrieved.
        Assert.Equal(0, _collector.SampleCount);
    }

    [Fact]
    public async Task DataCollector_OutsideStartEnd_CollectsNothing()
    {
        var now = _h.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await _h.Session.CallAsync("SetVariables", $$$"""
            {"setVariableData":[
              {"attributeValue":"{{{now}}}","component":{"name":"DataCollector","evse":{"id":1}},"variable":{"name":"DateTime","instance":"End"}},
              {"attributeValue":"true","component":{"name":"DataCollector","evse":{"id":1}},"variable":{"name":"Enabled"}}]}
            """);
        for (var i = 0; i < 10; i++)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal(0, _collector.SampleCount);
    }

    [Fact]
    public async Task DataCollector_Disabled_CollectsNothing()
    {
        for (var i = 0; i < 5; i++)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal(0, _collector.SampleCount);
    }
}
