using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using ChargerController.Station.Firmware;
using ChargerController.Station.Runtime;
using ChargerController.Station.Security;
using ChargerController.Station.Transfer;
using ChargerController.Testing.Http;
using ChargerController.Testing.Tls;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.Firmware;

/// <summary>
/// A station with the firmware block and the real release-archive installer in a temporary /opt, a loopback HTTP file
/// server, and a manufacturer root + firmware signing certificate generated at test time.
/// </summary>
internal sealed class FirmwareFixture : IAsyncDisposable
{
    /// <summary>The harness's virtual start time: certificates are valid around it.</summary>
    public static readonly DateTimeOffset HarnessStart = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-fw-" + Guid.NewGuid().ToString("N"));
    private readonly ECDsa _signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public FirmwareFixture(FirmwareUpdateOptions? options = null, bool simulated = false)
    {
        Directory.CreateDirectory(Path.Combine(_root, "releases", "v1"));
        File.WriteAllText(Path.Combine(_root, "releases", "v1", "chargerd"), "v1");
        File.CreateSymbolicLink(Path.Combine(_root, "current"), Path.Combine(_root, "releases", "v1"));
        InstallerOptions = new ArchiveInstallerOptions
        {
            ReleasesDirectory = Path.Combine(_root, "releases"),
            CurrentLink = Path.Combine(_root, "current"),
            ActivationFile = Path.Combine(_root, "state", "firmware-activation"),
        };
        // The download directory always lives in this fixture's temporary tree, whatever the test's options say.
        Options = (options ?? new FirmwareUpdateOptions { DownloadDirectory = "unused" }) with { DownloadDirectory = Path.Combine(_root, "state", "downloads") };
        Simulated = simulated;
        ManufacturerRoot = TestCertificates.CreateCa("Manufacturer Root", HarnessStart);
        SigningCertificate = IssueSigning(ManufacturerRoot, _signingKey, HarnessStart.AddDays(-1), HarnessStart.AddYears(2));
        Store.Save(new StoredCertificate(CertificateUse.ManufacturerRoot, ManufacturerRoot.RawData));
        Image = ReleaseArchive("v2");
    }

    public LoopbackFileServer Server { get; } = LoopbackFileServer.Start();

    public InMemoryCertificateStore Store { get; } = new();

    /// <summary>Gets or sets the CSMS roots FTPS firmware servers are trusted with (set before <see cref="StartAsync"/>).</summary>
    public X509Certificate2Collection? FileServerRoots { get; set; }

    public FirmwareUpdateOptions Options { get; }

    public ArchiveInstallerOptions InstallerOptions { get; }

    public bool Simulated { get; }

    public X509Certificate2 ManufacturerRoot { get; }

    public X509Certificate2 SigningCertificate { get; }

    public string SigningPem => SigningCertificate.ExportCertificatePem();

    /// <summary>Gets a valid chargercontroller release archive (chargerd = "v2").</summary>
    public byte[] Image { get; }

    public StationHarness H { get; private set; } = null!;

    /// <summary>Gets the release the <c>current</c> link points at: the running firmware.</summary>
    public string CurrentRelease => new FileInfo(InstallerOptions.CurrentLink).LinkTarget!;

    public string CurrentChargerd => File.ReadAllText(Path.Combine(InstallerOptions.CurrentLink, "chargerd"));

    public bool ActivationPending => File.Exists(InstallerOptions.ActivationFile);

    public async Task<StationHarness> StartAsync(int evses = 2)
    {
        H = await StationHarness.StartAsync(evses: evses, modules: h => [CreateManager(h)]);
        await H.WaitAcceptedAsync();
        return H;
    }

    public FirmwareUpdateManager Manager => H.Modules.OfType<FirmwareUpdateManager>().Single();

    /// <summary>Gets whether the n-th FirmwareStatusNotification arrived (for AdvanceUntilAsync).</summary>
    public bool HasStatuses(int count) => H.Csms.Current?.FromStation.Count(f => f.Action == "FirmwareStatusNotification") >= count;

    /// <summary>Waits (real time, bounded) until a condition on the station's side effects holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Condition not met within 30 s.");
            }

            await Task.Delay(20);
        }
    }

    public string Sign(byte[] data) => Convert.ToBase64String(_signingKey.SignHash(SHA256.HashData(data), DSASignatureFormat.Rfc3279DerSequence));

    public static byte[] ReleaseArchive(string version)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "chargercontroller/chargerd")
            {
                DataStream = new MemoryStream(Encoding.ASCII.GetBytes(version)),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            };
            tar.WriteEntry(entry);
        }

        return buffer.ToArray();
    }

    public static X509Certificate2 IssueSigning(X509Certificate2 issuer, AsymmetricAlgorithm key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var issuerKey = issuer.GetECDsaPrivateKey()!;
        var request = key is RSA rsa
            ? new CertificateRequest("CN=Firmware Signing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=Firmware Signing", (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), notBefore, notAfter, serial);
    }

    /// <summary>Sends UpdateFirmware and returns the answer payload.</summary>
    public async Task<JsonElement> UpdateAsync(
        int requestId,
        Uri location,
        string? signature,
        string? certificatePem,
        DateTimeOffset? retrieve = null,
        DateTimeOffset? install = null,
        int? retries = 0,
        int? retryInterval = null)
    {
        var firmware = new Dictionary<string, object?>
        {
            ["location"] = location.ToString(),
            ["retrieveDateTime"] = Rfc3339(retrieve ?? H.Time.GetUtcNow().AddHours(-2)),
            ["installDateTime"] = Rfc3339(install ?? H.Time.GetUtcNow().AddHours(-2)),
        };
        if (certificatePem is not null)
        {
            firmware["signingCertificate"] = certificatePem;
        }

        if (signature is not null)
        {
            firmware["signature"] = signature;
        }

        var payload = new Dictionary<string, object?> { ["requestId"] = requestId, ["firmware"] = firmware };
        if (retries is { } r)
        {
            payload["retries"] = r;
        }

        if (retryInterval is { } i)
        {
            payload["retryInterval"] = i;
        }

        var answer = await H.Session.CallAsync("UpdateFirmware", JsonSerializer.Serialize(payload));
        return answer[2];
    }

    /// <summary>Waits until the n-th FirmwareStatusNotification of the current session arrived; returns all statuses so far.</summary>
    public async Task<string[]> StatusesAsync(int count)
    {
        await H.WaitForCallsAsync("FirmwareStatusNotification", count, TimeSpan.FromSeconds(10));
        return Statuses();
    }

    public string[] Statuses() => [.. H.Calls("FirmwareStatusNotification").Select(c => c.GetProperty("status").GetString()!)];

    public int[] RequestIds() => [.. H.Calls("FirmwareStatusNotification").Select(c => c.GetProperty("requestId").GetInt32())];

    public string[] SecurityEvents() => [.. H.Calls("SecurityEventNotification").Select(c => c.GetProperty("type").GetString()!)];

    public async Task WaitForSecurityEventAsync(string type) =>
        await H.Session.WaitForFrameAsync(f => f.Action == "SecurityEventNotification" && f.Json!.Value[3].GetProperty("type").GetString() == type, TimeSpan.FromSeconds(10));

    /// <summary>Lets the station reboot as the Worker would, with the boot reason the reset port was given.</summary>
    public async Task RebootAsync(bool waitAccepted = true)
    {
        var reason = await H.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10));
        await H.RestartAsync(reason, waitAccepted);
    }

    public async ValueTask DisposeAsync()
    {
        if (H is not null)
        {
            await H.DisposeAsync();
        }

        try
        {
            await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException("Disposing the loopback file server did not finish within 30 s.", ex);
        }

        ManufacturerRoot.Dispose();
        SigningCertificate.Dispose();
        _signingKey.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private FirmwareUpdateManager CreateManager(StationHarness h)
    {
        IFirmwareInstaller installer = Simulated
            ? new SimulatedFirmwareInstaller(NullLoggerFactory.Instance)
            : new ArchiveFirmwareInstaller(InstallerOptions, NullLoggerFactory.Instance);
        return new FirmwareUpdateManager(
            new SchemeFirmwareDownloader(
                new HttpFirmwareDownloader(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, Options.MaxImageBytes),
                new FtpFirmwareDownloader(Options.MaxImageBytes, new TransferServerValidator(FileServerRoots is { } roots ? () => [.. roots.Select(c => X509CertificateLoader.LoadCertificate(c.RawData))] : null))),
            installer,
            Store,
            h.Transactions,
            h.ResetPort,
            Options,
            h.Time,
            NullLoggerFactory.Instance);
    }

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
