using System.Security.Cryptography;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Firmware;

namespace ChargerController.Station.Tests.Conformance.Firmware;

/// <summary>Refusing to cancel (TC_L_11), non-secure updates (L02), RSA signatures, roll-back and restarts in the middle of an update.</summary>
public sealed class FirmwareRecoveryTests
{
    [Fact]
    public async Task TC_L_11_CS()
    {
        await using var f = new FirmwareFixture(new FirmwareUpdateOptions { DownloadDirectory = "unused", CancelOnNewRequest = false });
        await f.StartAsync();
        await f.UpdateAsync(1, new Uri(f.Server.BaseAddress, "/fw/v2.tar.gz"), f.Sign(f.Image), f.SigningPem, retries: 3, retryInterval: 60);
        Assert.Equal(["Downloading"], await f.StatusesAsync(1));
        await FirmwareFixture.WaitUntilAsync(() => f.Server.RequestCount("/fw/v2.tar.gz") == 1);

        var second = await f.UpdateAsync(2, new Uri(f.Server.BaseAddress, "/fw/other.tar.gz"), f.Sign(f.Image), f.SigningPem);

        Assert.Equal("Rejected", second.GetProperty("status").GetString());

        // The first update goes on: its file appears and the next attempt gets it.
        f.Server.Serve("/fw/v2.tar.gz", f.Image);
        await f.H.AdvanceUntilAsync(() => f.HasStatuses(6), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        Assert.Equal(["Downloading", "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], f.Statuses());
        Assert.All(f.RequestIds(), id => Assert.Equal(1, id));
        Assert.Equal(0, f.Server.RequestCount("/fw/other.tar.gz"));
    }

    [Fact]
    public async Task L02_FR_01_UnsignedAllowed_InstalledWithoutSignatureStep()
    {
        await using var f = new FirmwareFixture(new FirmwareUpdateOptions { DownloadDirectory = "unused", AllowUnsignedFirmware = true });
        await f.StartAsync();
        var location = f.Server.Serve("/fw/v2.tar.gz", f.Image);

        var answer = await f.UpdateAsync(20, location, null, null);

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(["Downloading", "Downloaded", "Installing", "InstallRebooting"], await f.StatusesAsync(4));
        await f.RebootAsync();
        Assert.Equal(["Installed"], await f.StatusesAsync(1));
    }

    [Fact]
    public async Task UpdateFirmware_RsaPssSigningCertificate_Installs()
    {
        await using var f = new FirmwareFixture();
        await f.StartAsync();
        using var rsa = RSA.Create(2048);
        using var certificate = FirmwareFixture.IssueSigning(f.ManufacturerRoot, rsa, FirmwareFixture.HarnessStart.AddDays(-1), FirmwareFixture.HarnessStart.AddYears(1));
        var signature = Convert.ToBase64String(rsa.SignHash(SHA256.HashData(f.Image), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        var location = f.Server.Serve("/fw/v2.tar.gz", f.Image);

        await f.UpdateAsync(21, location, signature, certificate.ExportCertificatePem());

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await f.StatusesAsync(5));
    }

    [Fact]
    public async Task UpdateFirmware_NewFirmwareNeverAccepted_RolledBackThenInstallationFailed()
    {
        await using var f = new FirmwareFixture();
        await f.StartAsync();
        var location = f.Server.Serve("/fw/v2.tar.gz", f.Image);
        await f.UpdateAsync(30, location, f.Sign(f.Image), f.SigningPem);
        await f.StatusesAsync(5);
        Assert.Equal("v2", f.CurrentChargerd);

        // The CSMS keeps the new firmware Pending: it never reaches an accepted boot.
        f.H.ScriptDefaults("Pending", 60);
        await f.RebootAsync(waitAccepted: false);
        await f.H.Session.WaitForCallAsync("BootNotification");
        await f.H.AdvanceUntilAsync(() => f.CurrentChargerd == "v1", TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));
        Assert.False(f.ActivationPending);

        // Back on the previous version, which reports the update failed.
        f.H.ScriptDefaults("Accepted", 300);
        await f.H.RestartAsync(BootReasonEnumType.FirmwareUpdate);
        Assert.Equal(["InstallationFailed"], await f.StatusesAsync(1));
        Assert.Equal([30], f.RequestIds());
    }

    [Fact]
    public async Task UpdateFirmware_PowerCutDuringDownloadWait_DownloadFailedAfterRestart()
    {
        await using var f = new FirmwareFixture();
        await f.StartAsync();
        await f.UpdateAsync(31, new Uri(f.Server.BaseAddress, "/fw/missing"), f.Sign(f.Image), f.SigningPem, retries: 5, retryInterval: 600);
        Assert.Equal(["Downloading"], await f.StatusesAsync(1));
        await FirmwareFixture.WaitUntilAsync(() => f.Server.RequestCount("/fw/missing") == 1);

        await f.H.RestartAsync(BootReasonEnumType.PowerUp);

        Assert.Equal(["DownloadFailed"], await f.StatusesAsync(1));
        Assert.Equal([31], f.RequestIds());
        Assert.Equal("v1", f.CurrentChargerd);
    }

    [Fact]
    public async Task UpdateFirmware_SimulatedInstaller_InstalledWithoutRestart()
    {
        await using var f = new FirmwareFixture(simulated: true);
        await f.StartAsync();
        var location = f.Server.Serve("/fw/v2.tar.gz", f.Image);

        await f.UpdateAsync(32, location, f.Sign(f.Image), f.SigningPem);

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "Installed"], await f.StatusesAsync(5));
        await f.WaitForSecurityEventAsync(FirmwareSecurityEvents.FirmwareUpdated);
        Assert.False(f.H.ResetPort.Rebooted.IsCompleted);
        Assert.Equal("v1", f.CurrentChargerd);
    }
}
