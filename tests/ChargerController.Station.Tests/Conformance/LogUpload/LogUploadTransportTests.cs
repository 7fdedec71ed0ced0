using System.Text;
using ChargerController.Station.Diagnostics.LogUpload;
using ChargerController.Testing.Tls;
using ChargerController.Testing.Transfer;

namespace ChargerController.Station.Tests.Conformance.LogUpload;

/// <summary>HTTPS and POST uploads (N01.FR.15/19, TC_N_103) against the real loopback server.</summary>
public sealed class LogUploadTransportTests
{
    [Fact]
    public async Task TC_N_103_CS()
    {
        // The upload server's certificate chains to the installed CSMS root only (N01.FR.15), not to an OS CA.
        using var certificates = TestCertificates.Create();
        await using var server = await LoopbackUploadServer.StartAsync(certificates.Server);
        using var setup = new LogUploadSetup(csmsRoots: [certificates.Ca]);
        await File.WriteAllTextAsync(setup.DiagnosticsPath, "2025-01-01T11:00:00Z over TLS\n");
        await using var h = await StationHarness.StartAsync(setup: setup.Harness());
        await h.WaitAcceptedAsync();

        var location = $"https://logger:pw@localhost:{server.BaseUrl.Port}/tls/";
        var reply = await h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(21, "DiagnosticsLog", location));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 21), ("Uploaded", 21)], LogUploadSetup.Statuses(h));
        var upload = Assert.Single(server.Received);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("logger:pw")), upload.Header("Authorization"));
        Assert.Equal("2025-01-01T11:00:00Z over TLS\n", Encoding.UTF8.GetString(upload.Body));
    }

    [Fact]
    public async Task Https_ServerNotTrusted_UploadFailure()
    {
        using var certificates = TestCertificates.Create();
        using var other = TestCertificates.Create();
        await using var server = await LoopbackUploadServer.StartAsync(certificates.Server);
        using var setup = new LogUploadSetup(csmsRoots: [other.Ca]);
        await File.WriteAllTextAsync(setup.DiagnosticsPath, "x\n");
        await using var h = await StationHarness.StartAsync(setup: setup.Harness());
        await h.WaitAcceptedAsync();

        await h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(22, "DiagnosticsLog", $"https://localhost:{server.BaseUrl.Port}/tls/", retries: 0));
        await h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal([("Uploading", 22), ("UploadFailure", 22)], LogUploadSetup.Statuses(h));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task N01_FR_19_Post_MultipartWithFileName()
    {
        await using var server = await LoopbackUploadServer.StartAsync();
        using var setup = new LogUploadSetup(LogUploadHttpMethod.Post);
        await File.WriteAllTextAsync(setup.DiagnosticsPath, "2025-01-01T11:00:00Z posted\n");
        await using var h = await StationHarness.StartAsync(setup: setup.Harness());
        await h.WaitAcceptedAsync();

        var reply = await h.Session.CallAsync("GetLog", LogUploadSetup.GetLog(23, "DiagnosticsLog", server.BaseUrl + "post/"));
        var fileName = reply[2].GetProperty("filename").GetString()!;
        await h.WaitForCallsAsync("LogStatusNotification", 2);
        Assert.Equal("Uploaded", LogUploadSetup.Statuses(h)[1].Status);

        var upload = Assert.Single(server.Received);
        Assert.Equal("POST", upload.Method);
        Assert.StartsWith("multipart/form-data", upload.Header("Content-Type"), StringComparison.Ordinal);
        var body = Encoding.UTF8.GetString(upload.Body);
        Assert.Contains("Content-Type: application/octet-stream", body, StringComparison.Ordinal);
        Assert.Contains($"Content-Disposition: form-data; name=\"uploadfile\"; filename=\"{fileName}\"", body, StringComparison.Ordinal);
        Assert.Contains("2025-01-01T11:00:00Z posted\n", body, StringComparison.Ordinal);
    }
}
