using ChargerController.Testing.Tls;
using ChargerController.Testing.Transfer;

namespace ChargerController.Station.Tests.Conformance.Firmware;

/// <summary>
/// UpdateFirmware (L01) with an ftp:// or ftps:// location: a signed release archive fetched from the FTP test double,
/// verified and installed; cut, untrusted or unreachable servers end in DownloadFailed with the running firmware untouched.
/// </summary>
public sealed class FtpFirmwareDownloadTests : IAsyncLifetime
{
    private readonly FirmwareFixture _f = new();
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private LoopbackFtpServer _server = null!;

    public async Task InitializeAsync()
    {
        _f.FileServerRoots = [_certificates.Ca];
        _server = LoopbackFtpServer.Start("fw", "pw", _certificates.Server);
        _server.Serve("/fw/v2.tar.gz", _f.Image);
        await _f.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        await _server.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task L01_FtpLocation_SignedImageInstalled()
    {
        var answer = await _f.UpdateAsync(51, new Uri($"ftp://fw:pw@127.0.0.1:{_server.Port}/fw/v2.tar.gz"), _f.Sign(_f.Image), _f.SigningPem);

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await _f.StatusesAsync(5));
        Assert.Equal("v2", _f.CurrentChargerd);
        Assert.Contains("RETR /fw/v2.tar.gz", _server.Commands);
        Assert.Equal([false], _server.DataConnectionsTls);
    }

    [Fact]
    public async Task L01_FtpsLocation_DownloadedOverTls()
    {
        await _f.UpdateAsync(52, new Uri($"ftps://fw:pw@localhost:{_server.Port}/fw/v2.tar.gz"), _f.Sign(_f.Image), _f.SigningPem);

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await _f.StatusesAsync(5));
        Assert.Equal("AUTH TLS", _server.Commands[0]);
        Assert.Equal([true], _server.DataConnectionsTls);
        Assert.Equal("v2", _f.CurrentChargerd);
    }

    [Fact]
    public async Task L01_FtpServerCutsTheImage_DownloadFailedFirmwareUntouched()
    {
        // The server cuts the data connection and still says 226: SIZE tells the truth.
        _server.CutRetrAt = _f.Image.Length / 2;
        await _f.UpdateAsync(53, new Uri($"ftp://fw:pw@127.0.0.1:{_server.Port}/fw/v2.tar.gz"), _f.Sign(_f.Image), _f.SigningPem, retries: 0);

        Assert.Equal(["Downloading", "DownloadFailed"], await _f.StatusesAsync(2));
        Assert.Contains("Truncated", _f.H.Calls("FirmwareStatusNotification")[1].GetProperty("statusInfo").GetProperty("additionalInfo").GetString(), StringComparison.Ordinal);
        Assert.Equal("v1", _f.CurrentChargerd);
    }

    [Fact]
    public async Task L01_FtpsServerNotTrusted_DownloadFailed()
    {
        using var other = TestCertificates.Create();
        await using var untrusted = LoopbackFtpServer.Start("fw", "pw", other.Server);
        untrusted.Serve("/fw/v2.tar.gz", _f.Image);
        await _f.UpdateAsync(54, new Uri($"ftps://fw:pw@localhost:{untrusted.Port}/fw/v2.tar.gz"), _f.Sign(_f.Image), _f.SigningPem, retries: 0);

        Assert.Equal(["Downloading", "DownloadFailed"], await _f.StatusesAsync(2));
        Assert.DoesNotContain(untrusted.Commands, c => c.StartsWith("RETR", StringComparison.Ordinal));
        Assert.Equal("v1", _f.CurrentChargerd);
    }

    [Fact]
    public async Task L01_FtpFileMissing_DownloadFailed()
    {
        await _f.UpdateAsync(55, new Uri($"ftp://fw:pw@127.0.0.1:{_server.Port}/fw/missing.tar.gz"), _f.Sign(_f.Image), _f.SigningPem, retries: 0);
        Assert.Equal(["Downloading", "DownloadFailed"], await _f.StatusesAsync(2));
        Assert.Equal("v1", _f.CurrentChargerd);
    }
}
