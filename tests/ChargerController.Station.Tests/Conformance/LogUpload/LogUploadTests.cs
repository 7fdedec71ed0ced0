using System.Net;
using System.Net.Sockets;
using System.Text;
using ChargerController.Station.Diagnostics.LogUpload;
using ChargerController.Testing.Tls;
using ChargerController.Testing.Transfer;

namespace ChargerController.Station.Tests.Conformance.LogUpload;

/// <summary>GetLog (N01) against a real HTTP(S) upload server on 127.0.0.1, with the logs in real files.</summary>
public sealed class LogUploadTests : IAsyncLifetime
{
    private const string Diagnostics = "2025-01-01T11:00:00Z EVSE 1 contactor closed\n2025-01-01T11:30:00Z EVSE 1 contactor opened\n  at continuation line\n2025-01-01T11:59:00Z meter read\n";
    private readonly LogUploadSetup _setup = new();
    private LoopbackUploadServer _server = null!;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_setup.DiagnosticsPath, Diagnostics);
        _server = await LoopbackUploadServer.StartAsync();
        _h = await StationHarness.StartAsync(setup: _setup.Harness());
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _server.DisposeAsync();
        _setup.Dispose();
    }

    [Fact]
    public async Task TC_N_25_CS()
    {
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(123, "DiagnosticsLog", _server.BaseUrl + "logs/"));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var fileName = reply[2].GetProperty("filename").GetString()!;
        Assert.Equal("CS001-DiagnosticsLog-20250101T120000Z.log", fileName);

        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 123), ("Uploaded", 123)], LogUploadSetup.Statuses(_h));

        // N01.FR.21: the location ended with a slash, so the file name was appended; the bytes are the whole log.
        var upload = Assert.Single(_server.Received);
        Assert.Equal("PUT", upload.Method);
        Assert.Equal("/logs/" + fileName, upload.PathAndQuery);
        Assert.Equal("application/octet-stream", upload.Header("Content-Type"));
        Assert.Equal(Diagnostics, Encoding.UTF8.GetString(upload.Body));
    }

    [Fact]
    public async Task TC_N_26_CS()
    {
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(7, "DiagnosticsLog", $"http://127.0.0.1:{ClosedPort()}/upload", retries: 3, retryInterval: 30));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());

        // Four attempts (one + three retries), each reported, retryInterval apart in virtual time.
        for (var failure = 1; failure <= 4; failure++)
        {
            await _h.Session.WaitForFrameAsync(_ => LogUploadSetup.Statuses(_h).Count(s => s.Status == "UploadFailure") >= failure);
            if (failure < 4)
            {
                _h.Time.Advance(TimeSpan.FromSeconds(30));
            }
        }

        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(200);
        var statuses = LogUploadSetup.Statuses(_h);
        Assert.Equal(8, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(7, s.RequestId));
        Assert.Equal(["Uploading", "UploadFailure", "Uploading", "UploadFailure", "Uploading", "UploadFailure", "Uploading", "UploadFailure"], statuses.Select(s => s.Status));
    }

    [Fact]
    public async Task TC_N_35_CS()
    {
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(9, "SecurityLog", _server.BaseUrl + "security.log"));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 9), ("Uploaded", 9)], LogUploadSetup.Statuses(_h));

        // N01.FR.29: used as received. The security log holds the events the station raised (StartupOfTheDevice at boot).
        var upload = Assert.Single(_server.Received);
        Assert.Equal("/security.log", upload.PathAndQuery);
        Assert.Contains("StartupOfTheDevice Boot reason PowerUp", Encoding.UTF8.GetString(upload.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TC_N_36_CS()
    {
        _server.Hold();
        var first = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(1, "DiagnosticsLog", _server.BaseUrl + "first"));
        Assert.Equal("Accepted", first[2].GetProperty("status").GetString());
        await _server.WaitUntilAsync(s => s.Started == 1);

        var second = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(2, "DiagnosticsLog", _server.BaseUrl + "second"));
        Assert.Equal("AcceptedCanceled", second[2].GetProperty("status").GetString());
        await _h.Session.WaitForFrameAsync(_ => LogUploadSetup.Statuses(_h).Contains(("AcceptedCanceled", 1)));
        _server.Release();

        await _h.Session.WaitForFrameAsync(_ => LogUploadSetup.Statuses(_h).Contains(("Uploaded", 2)));
        Assert.Equal([("Uploading", 1), ("AcceptedCanceled", 1), ("Uploading", 2), ("Uploaded", 2)], LogUploadSetup.Statuses(_h));
        var upload = Assert.Single(_server.Received, r => r.PathAndQuery == "/second");
        Assert.Equal(Diagnostics, Encoding.UTF8.GetString(upload.Body));
        Assert.DoesNotContain(_server.Received, r => r.PathAndQuery == "/first");
    }

    [Fact]
    public async Task TC_N_101_CS()
    {
        // N01.FR.30: a redirect is not followed; the upload fails with reasonCode RedirectAllowed.
        _server.RespondWith(307, _server.BaseUrl + "elsewhere");
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(11, "DiagnosticsLog", _server.BaseUrl + "upload?token=abc", retries: 0));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        var failure = _h.Calls("LogStatusNotification")[1];
        Assert.Equal("UploadFailure", failure.GetProperty("status").GetString());
        Assert.Equal("RedirectAllowed", failure.GetProperty("statusInfo").GetProperty("reasonCode").GetString());

        // N01.FR.29: the query stays as received; nothing went to the redirect target.
        var upload = Assert.Single(_server.Received);
        Assert.Equal("/upload?token=abc", upload.PathAndQuery);
    }

    [Fact]
    public async Task TC_N_102_CS()
    {
        var location = $"http://logger:s3cr%40t@127.0.0.1:{_server.BaseUrl.Port}/basic/";
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(12, "DiagnosticsLog", location));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal("Uploaded", LogUploadSetup.Statuses(_h)[1].Status);

        // N01.FR.25: the userinfo (percent-decoded) becomes Basic credentials.
        var upload = Assert.Single(_server.Received);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("logger:s3cr@t")), upload.Header("Authorization"));
        Assert.StartsWith("/basic/CS001-DiagnosticsLog-", upload.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task N01_FR_05_LogTypeNotAvailable_Rejected()
    {
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(13, "DataCollectorLog", _server.BaseUrl.ToString()));
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        Assert.Equal("NoLogAvailable", reply[2].GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        await Task.Delay(200);
        Assert.Empty(_h.Calls("LogStatusNotification"));
    }

    [Theory]
    [InlineData("sftp://127.0.0.1/logs/")]
    [InlineData("not a url")]
    public async Task GetLog_UnusableLocation_Rejected(string location)
    {
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(14, "DiagnosticsLog", location));
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        Assert.Empty(_server.Received);
    }

    [Theory]
    [InlineData(401, "PermissionDenied")]
    [InlineData(403, "PermissionDenied")]
    [InlineData(405, "NotSupportedOperation")]
    [InlineData(400, "BadMessage")]
    [InlineData(500, "UploadFailure")]
    public async Task N01_FR_10_ServerRefuses_StatusPerHttpAnswer(int httpStatus, string expected)
    {
        _server.RespondWith(httpStatus);
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(15, "DiagnosticsLog", _server.BaseUrl + "x", retries: 0));
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 15), (expected, 15)], LogUploadSetup.Statuses(_h));
    }

    [Fact]
    public async Task N01_FR_13_TriggerMessage_IdleWithoutRequestIdThenRunningUpload()
    {
        var idle = await _h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"LogStatusNotification"}""");
        Assert.Equal("Accepted", idle[2].GetProperty("status").GetString());
        await _h.WaitForCallsAsync("LogStatusNotification", 1);
        Assert.Equal(("Idle", (int?)null), LogUploadSetup.Statuses(_h)[0]);

        _server.Hold();
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(16, "DiagnosticsLog", _server.BaseUrl + "held"));
        await _server.WaitUntilAsync(s => s.Started == 1);
        await _h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"LogStatusNotification"}""");
        await _h.WaitForCallsAsync("LogStatusNotification", 3);
        Assert.Equal([("Idle", null), ("Uploading", 16), ("Uploading", 16)], LogUploadSetup.Statuses(_h));
        _server.Release();
        await _h.WaitForCallsAsync("LogStatusNotification", 4);
    }

    [Fact]
    public async Task GetLog_TimeWindow_OnlyEntriesInside()
    {
        var request = $$$"""{"requestId":17,"logType":"DiagnosticsLog","log":{"remoteLocation":"{{{_server.BaseUrl}}}w","oldestTimestamp":"2025-01-01T11:15:00Z","latestTimestamp":"2025-01-01T11:45:00Z"}}""";
        await _h.Session.CallAsync("GetLog", request);
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        var upload = Assert.Single(_server.Received);
        Assert.Equal("2025-01-01T11:30:00Z EVSE 1 contactor opened\n  at continuation line\n", Encoding.UTF8.GetString(upload.Body));
    }

    [Fact]
    public async Task FileTransferProtocols_ReportsTheUploaders()
    {
        var reply = await _h.Session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"FileTransferProtocols"}}]}""");
        Assert.Equal("HTTP,HTTPS,FTP,FTPS", reply[2].GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
