using ChargerController.Testing.Transfer;

namespace ChargerController.Station.Tests.Conformance.LogUpload;

/// <summary>TriggerMessage LogStatusNotification while a log upload is under way (F06.FR.14), against a real HTTP server.</summary>
public sealed class LogStatusTriggerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly LogUploadSetup _setup = new();
    private LoopbackUploadServer _server = null!;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_setup.DiagnosticsPath, "2025-01-01T11:00:00Z EVSE 1 contactor closed\n");
        _server = await LoopbackUploadServer.StartAsync();
        _h = await StationHarness.StartAsync(setup: _setup.Harness());
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync()
    {
        _server.Release();
        await _h.DisposeAsync();
        await _server.DisposeAsync();
        _setup.Dispose();
    }

    [Fact]
    public async Task TC_F_16_CS()
    {
        // The upload server holds the request: the upload is in progress until released.
        _server.Hold();
        var getLog = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(16, "DiagnosticsLog", _server.BaseUrl + "logs/"));
        Assert.Equal("Accepted", getLog[2].GetProperty("status").GetString());
        await _h.WaitForCallsAsync("LogStatusNotification", 1, Bound);
        await _server.WaitUntilAsync(s => s.Started >= 1, Bound);
        Assert.Equal([("Uploading", (int?)16)], LogUploadSetup.Statuses(_h));

        var trigger = await _h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"LogStatusNotification"}""", Bound);
        Assert.Equal("Accepted", trigger[2].GetProperty("status").GetString());

        // F06.FR.14: Uploading (with the running upload's requestId), not Idle.
        await _h.WaitForCallsAsync("LogStatusNotification", 2, Bound);
        Assert.Equal([("Uploading", (int?)16), ("Uploading", (int?)16)], LogUploadSetup.Statuses(_h));

        _server.Release();
        await _h.WaitForCallsAsync("LogStatusNotification", 3, Bound);
        Assert.Equal(("Uploaded", (int?)16), LogUploadSetup.Statuses(_h)[2]);
        Assert.Single(_server.Received);
    }
}
