using System.Security.Cryptography;
using ChargerController.Station.Security;
using ChargerController.Storage.Certificates;

namespace ChargerController.Storage.Tests.Certificates;

/// <summary>Certificates and keys as real files: private to the service user, surviving a reopen.</summary>
public sealed class FileCertificateStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-certs-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SaveKeyAndCertificate_Reopen_SameContentAndOwnerOnlyModes()
    {
        var der = RandomNumberGenerator.GetBytes(300);
        var key = RandomNumberGenerator.GetBytes(138);
        var store = new FileCertificateStore(_root);
        store.Save(new StoredCertificate(CertificateUse.CsmsRoot, der));
        store.Save(new StoredCertificate(CertificateUse.CsmsRoot, der));
        store.SaveKey(CertificateUse.ChargingStation, key);

        var reopened = new FileCertificateStore(_root);

        var stored = Assert.Single(reopened.LoadAll());
        Assert.Equal(CertificateUse.CsmsRoot, stored.Use);
        Assert.Equal(der, stored.Der);
        Assert.Equal(key, reopened.LoadKey(CertificateUse.ChargingStation));
        if (!OperatingSystem.IsWindows())
        {
            var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
            Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_root, "keys")));
        }
    }

    [Fact]
    public void DeleteCertificateAndKey_Gone()
    {
        var der = RandomNumberGenerator.GetBytes(100);
        var store = new FileCertificateStore(_root);
        store.Save(new StoredCertificate(CertificateUse.ManufacturerRoot, der));
        store.SaveKey("Pending", [1, 2, 3]);

        store.Delete(new StoredCertificate(CertificateUse.ManufacturerRoot, der));
        store.DeleteKey("Pending");

        Assert.Empty(store.LoadAll());
        Assert.Null(store.LoadKey("Pending"));
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void KeyName_WithPathSeparator_Refused()
    {
        var store = new FileCertificateStore(_root);
        Assert.Throws<ArgumentException>(() => store.SaveKey("../escape", [1]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
