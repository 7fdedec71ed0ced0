using System.Text;
using ChargerController.Testing.Transfer;

namespace ChargerController.Station.Tests.Conformance.LogUpload;

/// <summary>GetLog to an FTP location (passive mode, N01 remark) against a real FTP test double on 127.0.0.1.</summary>
public sealed class FtpLogUploadTests : IAsyncLifetime
{
    private const string Diagnostics = "2025-01-01T11:00:00Z over FTP\n";
    private readonly LogUploadSetup _setup = new();
    private LoopbackFtpServer _server = null!;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_setup.DiagnosticsPath, Diagnostics);
        _server = LoopbackFtpServer.Start("logger", "p@ss");
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
    public async Task Ftp_PassiveUpload_FileStoredWithTheAnnouncedName()
    {
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(31, "DiagnosticsLog", $"ftp://logger:p%40ss@127.0.0.1:{_server.Port}/logs/"));
        var fileName = reply[2].GetProperty("filename").GetString()!;
        await _h.WaitForCallsAsync("LogStatusNotification", 2);

        Assert.Equal([("Uploading", 31), ("Uploaded", 31)], LogUploadSetup.Statuses(_h));
        Assert.Equal(Diagnostics, Encoding.UTF8.GetString(_server.Files["/logs/" + fileName]));
        Assert.Contains("TYPE I", _server.Commands);
        Assert.Contains("PASV", _server.Commands);
    }

    [Fact]
    public async Task Ftp_WrongPassword_PermissionDenied()
    {
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(32, "DiagnosticsLog", $"ftp://logger:wrong@127.0.0.1:{_server.Port}/x.log", retries: 0));
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 32), ("PermissionDenied", 32)], LogUploadSetup.Statuses(_h));
        Assert.Empty(_server.Files);
    }

    [Fact]
    public async Task Ftp_StorRefused_PermissionDenied()
    {
        _server.StorReply = 553;
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(33, "DiagnosticsLog", $"ftp://logger:p%40ss@127.0.0.1:{_server.Port}/ro/x.log", retries: 0));
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 33), ("PermissionDenied", 33)], LogUploadSetup.Statuses(_h));
    }
}
