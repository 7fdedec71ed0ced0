using System.Security.Cryptography;
using ChargerController.Station.Firmware;

namespace ChargerController.Station.Tests.Conformance.Firmware;

/// <summary>UpdateFirmware (L01) over a real WebSocket with a real HTTP download, OCA Part 6 scenarios TC_L_01..TC_L_18.</summary>
public sealed class SecureFirmwareUpdateTests : IAsyncLifetime
{
    private readonly FirmwareFixture _f = new();

    public async Task InitializeAsync() => await _f.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task TC_L_01_CS()
    {
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        var answer = await _f.UpdateAsync(1, location, _f.Sign(_f.Image), _f.SigningPem);

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await _f.StatusesAsync(5));
        Assert.All(_f.RequestIds(), id => Assert.Equal(1, id));
        Assert.Equal("v2", _f.CurrentChargerd);
        Assert.True(_f.ActivationPending);

        await _f.RebootAsync();

        Assert.Equal("FirmwareUpdate", _f.H.Calls("BootNotification")[0].GetProperty("reason").GetString());
        Assert.Equal(["Installed"], await _f.StatusesAsync(1));
        Assert.Equal([1], _f.RequestIds());
        await _f.WaitForSecurityEventAsync(FirmwareSecurityEvents.FirmwareUpdated);
        await _f.Manager.Current.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(_f.ActivationPending);
    }

    [Fact]
    public async Task TC_L_02_CS()
    {
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        await _f.UpdateAsync(2, location, _f.Sign(_f.Image), _f.SigningPem, install: _f.H.Time.GetUtcNow().AddHours(1));

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "InstallScheduled"], await _f.StatusesAsync(4));
        Assert.Equal("v1", _f.CurrentChargerd);
        await _f.H.AdvanceUntilAsync(() => _f.Statuses().Length >= 6, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2));
        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "InstallScheduled", "Installing", "InstallRebooting"], _f.Statuses());
        Assert.Equal("v2", _f.CurrentChargerd);

        await _f.RebootAsync();
        Assert.Equal(["Installed"], await _f.StatusesAsync(1));
    }

    [Fact]
    public async Task TC_L_03_CS()
    {
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        await _f.UpdateAsync(3, location, _f.Sign(_f.Image), _f.SigningPem, retrieve: _f.H.Time.GetUtcNow().AddHours(1));

        Assert.Equal(["DownloadScheduled"], await _f.StatusesAsync(1));
        Assert.Equal(0, _f.Server.RequestCount("/fw/v2.tar.gz"));
        await _f.H.AdvanceUntilAsync(() => _f.Statuses().Length >= 2, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2));
        Assert.Equal(["DownloadScheduled", "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await _f.StatusesAsync(6));
        Assert.All(_f.RequestIds(), id => Assert.Equal(3, id));
    }

    [Fact]
    public async Task TC_L_05_CS()
    {
        // A well-formed certificate from a CA the station does not trust for firmware.
        using var otherRoot = Testing.Tls.TestCertificates.CreateCa("Other Root", FirmwareFixture.HarnessStart);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var foreign = FirmwareFixture.IssueSigning(otherRoot, key, FirmwareFixture.HarnessStart.AddDays(-1), FirmwareFixture.HarnessStart.AddYears(1));
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        var answer = await _f.UpdateAsync(5, location, _f.Sign(_f.Image), foreign.ExportCertificatePem());

        Assert.Equal("InvalidCertificate", answer.GetProperty("status").GetString());
        await _f.WaitForSecurityEventAsync(FirmwareSecurityEvents.InvalidFirmwareSigningCertificate);
        Assert.Empty(_f.Statuses());
        Assert.Equal(0, _f.Server.RequestCount("/fw/v2.tar.gz"));
        Assert.Equal("v1", _f.CurrentChargerd);
    }

    [Fact]
    public async Task UpdateFirmware_ExpiredSigningCertificate_InvalidCertificateAndSecurityEvent()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var expired = FirmwareFixture.IssueSigning(_f.ManufacturerRoot, key, FirmwareFixture.HarnessStart.AddDays(-1), FirmwareFixture.HarnessStart.AddHours(-1));
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        var answer = await _f.UpdateAsync(9, location, _f.Sign(_f.Image), expired.ExportCertificatePem());

        Assert.Equal("InvalidCertificate", answer.GetProperty("status").GetString());
        await _f.WaitForSecurityEventAsync(FirmwareSecurityEvents.InvalidFirmwareSigningCertificate);
        Assert.Equal("v1", _f.CurrentChargerd);
    }

    [Fact]
    public async Task UpdateFirmware_GarbageCertificate_InvalidCertificate()
    {
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        var answer = await _f.UpdateAsync(9, location, _f.Sign(_f.Image), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----");

        Assert.Equal("InvalidCertificate", answer.GetProperty("status").GetString());
        await _f.WaitForSecurityEventAsync(FirmwareSecurityEvents.InvalidFirmwareSigningCertificate);
    }

    [Fact]
    public async Task TC_L_06_CS()
    {
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        // A real signature by the right key, over other bytes.
        var answer = await _f.UpdateAsync(6, location, _f.Sign(FirmwareFixture.ReleaseArchive("v3")), _f.SigningPem);

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(["Downloading", "Downloaded", "InvalidSignature"], await _f.StatusesAsync(3));
        await _f.WaitForSecurityEventAsync(FirmwareSecurityEvents.InvalidFirmwareSignature);
        await _f.Manager.Current.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("v1", _f.CurrentChargerd);
        Assert.False(_f.ActivationPending);
        Assert.Empty(Directory.GetFiles(_f.Options.DownloadDirectory));
    }

    [Fact]
    public async Task UpdateFirmware_CertificateWithoutSignature_InvalidSignature()
    {
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        await _f.UpdateAsync(6, location, null, _f.SigningPem);

        Assert.Equal(["Downloading", "Downloaded", "InvalidSignature"], await _f.StatusesAsync(3));
        await _f.WaitForSecurityEventAsync(FirmwareSecurityEvents.InvalidFirmwareSignature);
    }

    [Fact]
    public async Task TC_L_07_CS()
    {
        _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        var answer = await _f.UpdateAsync(7, new Uri(_f.Server.BaseAddress, "/fw/v2.tar.gz_does.not.Exist"), _f.Sign(_f.Image), _f.SigningPem, retries: 0);

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(["Downloading", "DownloadFailed"], await _f.StatusesAsync(2));
        Assert.Equal("v1", _f.CurrentChargerd);
    }

    [Fact]
    public async Task UpdateFirmware_TruncatedDownload_RetriedThenDownloadFailed()
    {
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image, cutAt: _f.Image.Length / 2);

        await _f.UpdateAsync(7, location, _f.Sign(_f.Image), _f.SigningPem, retries: 1, retryInterval: 30);

        Assert.Equal(["Downloading"], await _f.StatusesAsync(1));
        await _f.H.AdvanceUntilAsync(() => _f.Statuses().Length >= 3, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));
        Assert.Equal(["Downloading", "Downloading", "DownloadFailed"], _f.Statuses());
        Assert.Equal(2, _f.Server.RequestCount("/fw/v2.tar.gz"));
        Assert.Equal("v1", _f.CurrentChargerd);
    }

    [Fact]
    public async Task UpdateFirmware_ServerUnreachable_DownloadFailed()
    {
        // A port nobody listens on (bound then released).
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await _f.UpdateAsync(7, new Uri($"http://127.0.0.1:{port}/fw.tar.gz"), _f.Sign(_f.Image), _f.SigningPem, retries: 0);

        Assert.Equal(["Downloading", "DownloadFailed"], await _f.StatusesAsync(2));
        Assert.Equal("v1", _f.CurrentChargerd);
    }

    [Fact]
    public async Task UpdateFirmware_UnsupportedScheme_DownloadFailed()
    {
        await _f.UpdateAsync(7, new Uri("ftp://127.0.0.1/fw.tar.gz"), _f.Sign(_f.Image), _f.SigningPem, retries: 0);

        Assert.Equal(["Downloading", "DownloadFailed"], await _f.StatusesAsync(2));
    }

    [Fact]
    public async Task TC_L_08_CS()
    {
        // Signed correctly, but not a chargercontroller release: the installer refuses it.
        var garbage = RandomNumberGenerator.GetBytes(4096);
        var location = _f.Server.Serve("/fw/garbage.bin", garbage);

        await _f.UpdateAsync(8, location, _f.Sign(garbage), _f.SigningPem);

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallVerificationFailed"], await _f.StatusesAsync(5));
        Assert.InRange(_f.H.Calls("FirmwareStatusNotification")[4].GetProperty("statusInfo").GetProperty("reasonCode").GetString()!.Length, 1, 20);
        await _f.Manager.Current.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("v1", _f.CurrentChargerd);
        Assert.False(_f.ActivationPending);
        Assert.False(_f.H.ResetPort.Rebooted.IsCompleted);
    }

    [Fact]
    public async Task UpdateFirmware_ArchiveWithoutChargerd_InstallVerificationFailed()
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        await using (var tar = new System.Formats.Tar.TarWriter(gzip))
        {
            await tar.WriteEntryAsync(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "readme.txt") { DataStream = new MemoryStream([1, 2, 3]) });
        }

        var image = buffer.ToArray();
        var location = _f.Server.Serve("/fw/empty.tar.gz", image);

        await _f.UpdateAsync(8, location, _f.Sign(image), _f.SigningPem);

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallVerificationFailed"], await _f.StatusesAsync(5));
        Assert.Equal("v1", _f.CurrentChargerd);
        Assert.Single(Directory.GetDirectories(_f.InstallerOptions.ReleasesDirectory));
    }

    [Fact]
    public async Task TC_L_10_CS()
    {
        // The first update waits between download attempts (virtual time does not move) when the second arrives.
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);
        await _f.UpdateAsync(1, new Uri(_f.Server.BaseAddress, "/fw/missing"), _f.Sign(_f.Image), _f.SigningPem, retries: 3, retryInterval: 600);
        Assert.Equal(["Downloading"], await _f.StatusesAsync(1));
        await FirmwareFixture.WaitUntilAsync(() => _f.Server.RequestCount("/fw/missing") == 1);

        var answer = await _f.UpdateAsync(2, location, _f.Sign(_f.Image), _f.SigningPem);

        Assert.Equal("AcceptedCanceled", answer.GetProperty("status").GetString());
        Assert.Equal(["Downloading", "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await _f.StatusesAsync(6));
        Assert.Equal([1, 2, 2, 2, 2, 2], _f.RequestIds());
        Assert.Equal(1, _f.Server.RequestCount("/fw/missing"));
    }

    [Fact]
    public async Task TC_L_18_CS()
    {
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        var answer = await _f.UpdateAsync(18, location, null, null);

        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.Empty(_f.Statuses());
        Assert.Equal(0, _f.Server.RequestCount("/fw/v2.tar.gz"));
    }

    [Fact]
    public async Task L01_FR_25_TriggerAfterInstalled_Idle()
    {
        var idle = await TriggerAsync();
        Assert.Equal("Idle", idle.GetProperty("status").GetString());
        Assert.False(idle.TryGetProperty("requestId", out _));
    }

    [Fact]
    public async Task L01_FR_26_TriggerAfterFailure_LastStatusWithRequestId()
    {
        await _f.UpdateAsync(26, new Uri(_f.Server.BaseAddress, "/fw/missing"), _f.Sign(_f.Image), _f.SigningPem, retries: 0);
        await _f.StatusesAsync(2);

        var last = await TriggerAsync();

        Assert.Equal("DownloadFailed", last.GetProperty("status").GetString());
        Assert.Equal(26, last.GetProperty("requestId").GetInt32());
    }

    private async Task<System.Text.Json.JsonElement> TriggerAsync()
    {
        var before = _f.Statuses().Length;
        var answer = await _f.H.Session.CallAsync("TriggerMessage", """{"requestedMessage":"FirmwareStatusNotification"}""");
        Assert.Equal("Accepted", answer[2].GetProperty("status").GetString());
        await _f.StatusesAsync(before + 1);
        return _f.H.Calls("FirmwareStatusNotification")[before];
    }
}
