using System.Text;
using ChargerController.Testing.Tls;
using ChargerController.Testing.Transfer;

namespace ChargerController.Station.Tests.Conformance.LogUpload;

/// <summary>
/// GetLog to ftps:// (explicit FTPS, RFC 4217) and FTP servers that misbehave, against the FTP test double on 127.0.0.1
/// with a certificate generated at test time. Every failure ends in a LogStatusNotification (N01.FR.10).
/// </summary>
public sealed class FtpsLogUploadTests : IAsyncLifetime
{
    private const string Diagnostics = "2025-01-01T11:00:00Z over FTPS\n";
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private readonly TestCertificates _other = TestCertificates.Create();
    private LogUploadSetup _setup = null!;
    private LoopbackFtpServer _server = null!;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _setup = new LogUploadSetup(csmsRoots: [_certificates.Ca]);
        await File.WriteAllTextAsync(_setup.DiagnosticsPath, Diagnostics);
        _server = LoopbackFtpServer.Start("logger", "pw", _certificates.Server);
        _h = await StationHarness.StartAsync(setup: _setup.Harness());
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _server.DisposeAsync();
        _setup.Dispose();
        _certificates.Dispose();
        _other.Dispose();
    }

    [Fact]
    public async Task Ftps_ExplicitTls_UploadedOverProtectedDataConnection()
    {
        var reply = await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(41, "DiagnosticsLog", $"ftps://logger:pw@localhost:{_server.Port}/logs/"));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var fileName = reply[2].GetProperty("filename").GetString()!;
        await _h.WaitForCallsAsync("LogStatusNotification", 2);

        Assert.Equal([("Uploading", 41), ("Uploaded", 41)], LogUploadSetup.Statuses(_h));
        Assert.Equal(Diagnostics, Encoding.UTF8.GetString(_server.Files["/logs/" + fileName]));

        // RFC 4217: TLS before the credentials, PBSZ 0 then PROT P, and the data connection protected.
        var commands = _server.Commands.ToList();
        Assert.Equal(0, commands.IndexOf("AUTH TLS"));
        Assert.True(commands.IndexOf("PBSZ 0") < commands.IndexOf("PROT P"));
        Assert.True(commands.IndexOf("PROT P") < commands.FindIndex(c => c.StartsWith("STOR", StringComparison.Ordinal)));
        Assert.Equal([true], _server.DataConnectionsTls);
    }

    [Fact]
    public async Task Ftps_ServerCertificateNotTrusted_UploadFailureWithoutSendingThePassword()
    {
        await using var untrusted = LoopbackFtpServer.Start("logger", "pw", _other.Server);
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(42, "DiagnosticsLog", $"ftps://logger:pw@localhost:{untrusted.Port}/x.log", retries: 0));
        await _h.WaitForCallsAsync("LogStatusNotification", 2);

        Assert.Equal([("Uploading", 42), ("UploadFailure", 42)], LogUploadSetup.Statuses(_h));
        Assert.Equal("InvalidCertificate", _h.Calls("LogStatusNotification")[1].GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.DoesNotContain(untrusted.Commands, c => c.StartsWith("USER", StringComparison.Ordinal) || c.StartsWith("PASS", StringComparison.Ordinal));
        Assert.Empty(untrusted.Files);
    }

    [Fact]
    public async Task Ftps_ServerRefusesAuthTls_NotSupportedOperationNoClearTextFallback()
    {
        _server.RefuseAuthTls = true;
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(43, "DiagnosticsLog", $"ftps://logger:pw@localhost:{_server.Port}/x.log", retries: 0));
        await _h.WaitForCallsAsync("LogStatusNotification", 2);

        Assert.Equal([("Uploading", 43), ("NotSupportedOperation", 43)], LogUploadSetup.Statuses(_h));
        Assert.Equal("AuthTlsRefused", _h.Calls("LogStatusNotification")[1].GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Equal(["AUTH TLS"], _server.Commands);
    }

    [Fact]
    public async Task Ftp_GarbageGreeting_BadMessage()
    {
        _server.Greeting = "HTTP/1.1 400 Bad Request";
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(44, "DiagnosticsLog", $"ftp://logger:pw@127.0.0.1:{_server.Port}/x.log", retries: 0));
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 44), ("BadMessage", 44)], LogUploadSetup.Statuses(_h));
    }

    [Fact]
    public async Task Ftp_DataConnectionDropped_UploadFailure()
    {
        _server.DropStor = true;
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(45, "DiagnosticsLog", $"ftp://logger:pw@127.0.0.1:{_server.Port}/x.log", retries: 0));
        await _h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 45), ("UploadFailure", 45)], LogUploadSetup.Statuses(_h));
        Assert.Empty(_server.Files);
    }

    [Fact]
    public async Task Ftps_ServerStallsBeforeConfirming_UploadFailureAfterTheAttemptTimeout()
    {
        _server.StallAfterTransfer = true;
        await _h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(46, "DiagnosticsLog", $"ftps://logger:pw@localhost:{_server.Port}/stall.log", retries: 0));

        // The bytes arrived, the 226 never comes: the attempt timer (registered before the attempt) ends it in virtual time.
        await ChargerController.Station.Tests.Conformance.Firmware.FirmwareFixture.WaitUntilAsync(() => _server.Files.ContainsKey("/stall.log"));
        await _h.WaitForCallsAsync("LogStatusNotification", 1);
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.WaitForCallsAsync("LogStatusNotification", 2);

        Assert.Equal([("Uploading", 46), ("UploadFailure", 46)], LogUploadSetup.Statuses(_h));
        Assert.Equal("Timeout", _h.Calls("LogStatusNotification")[1].GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }
}
