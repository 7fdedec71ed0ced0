using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ChargerController.Station.Firmware;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Firmware;

/// <summary>The default installer on real files: release beside the running one, trial boots, roll-back, confirmation.</summary>
public sealed class ArchiveFirmwareInstallerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-installer-" + Guid.NewGuid().ToString("N"));
    private readonly ArchiveInstallerOptions _options;
    private readonly ArchiveFirmwareInstaller _installer;

    public ArchiveFirmwareInstallerTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "releases", "v1"));
        File.WriteAllText(Path.Combine(_root, "releases", "v1", "chargerd"), "v1");
        File.CreateSymbolicLink(Path.Combine(_root, "current"), Path.Combine(_root, "releases", "v1"));
        _options = new ArchiveInstallerOptions
        {
            ReleasesDirectory = Path.Combine(_root, "releases"),
            CurrentLink = Path.Combine(_root, "current"),
            ActivationFile = Path.Combine(_root, "state", "firmware-activation"),
            PackagesDirectory = Path.Combine(_root, "state", "packages"),
            MaxTrialBoots = 2,
            DebInstallCommand = ["false"],
        };
        _installer = new ArchiveFirmwareInstaller(_options, NullLoggerFactory.Instance);
    }

    private string Running => File.ReadAllText(Path.Combine(_options.CurrentLink, "chargerd"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task InstallAsync_ReleaseArchive_SwitchesCurrentKeepsPrevious()
    {
        var outcome = await _installer.InstallAsync(WriteImage(Archive("chargercontroller/chargerd", "v2")), 1, CancellationToken.None);

        Assert.Equal(FirmwareInstallOutcome.RebootRequired, outcome);
        Assert.Equal("v2", Running);
        Assert.True(File.Exists(Path.Combine(_root, "releases", "v1", "chargerd")));
        Assert.Contains("previous=" + Path.Combine(_root, "releases", "v1"), File.ReadAllText(_options.ActivationFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginTrialBoot_TrialBootsUsedUp_SwitchesBackToPrevious()
    {
        await _installer.InstallAsync(WriteImage(Archive("chargerd", "v2")), 1, CancellationToken.None);

        Assert.Equal(FirmwareActivation.Activated, _installer.BeginTrialBoot());
        Assert.Equal(FirmwareActivation.Activated, _installer.BeginTrialBoot());
        Assert.Equal(FirmwareActivation.RollBackPending, _installer.BeginTrialBoot());
        Assert.Equal("v1", Running);

        // The restart after the roll-back finds the previous version running.
        Assert.Equal(FirmwareActivation.RolledBack, _installer.BeginTrialBoot());
    }

    [Fact]
    public async Task ConfirmAsync_AfterAcceptedBoot_EndsTrialAndPrunesOlderReleases()
    {
        await _installer.InstallAsync(WriteImage(Archive("chargerd", "v2")), 1, CancellationToken.None);
        await _installer.ConfirmAsync(CancellationToken.None);
        await _installer.InstallAsync(WriteImage(Archive("chargerd", "v3")), 2, CancellationToken.None);
        await _installer.ConfirmAsync(CancellationToken.None);

        Assert.False(File.Exists(_options.ActivationFile));
        Assert.Equal("v3", Running);

        // v1 is not ours to prune (installed by the package); v2 stays as the roll-back target of v3.
        Assert.Equal(3, Directory.GetDirectories(_options.ReleasesDirectory).Length);
        Assert.False(await _installer.RollBackAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InstallAsync_PathTraversalArchive_VerificationFailedNothingWrittenOutside()
    {
        var outcome = await _installer.InstallAsync(WriteImage(Archive("../../escaped/chargerd", "evil")), 1, CancellationToken.None);

        Assert.Equal(FirmwareInstallOutcome.VerificationFailed, outcome);
        Assert.False(Directory.Exists(Path.Combine(_root, "escaped")));
        Assert.Equal("v1", Running);
    }

    [Fact]
    public async Task InstallAsync_DebWhosePackageManagerFails_InstallationFailed()
    {
        var deb = Encoding.ASCII.GetBytes("!<arch>\ndebian-binary   0           0     0     100644  4         `\n2.0\n");

        var outcome = await _installer.InstallAsync(WriteImage(deb), 1, CancellationToken.None);

        Assert.Equal(FirmwareInstallOutcome.Failed, outcome);
        Assert.False(File.Exists(_options.ActivationFile));
        Assert.Equal("v1", Running);
    }

    [Fact]
    public async Task InstallAsync_DebInstalledByPackageManager_RebootRequiredPreviousKept()
    {
        var installer = new ArchiveFirmwareInstaller(_options with { DebInstallCommand = ["true"] }, NullLoggerFactory.Instance);
        var deb = Encoding.ASCII.GetBytes("!<arch>\ndebian-binary   0           0     0     100644  4         `\n2.0\n");

        Assert.Equal(FirmwareInstallOutcome.RebootRequired, await installer.InstallAsync(WriteImage(deb), 1, CancellationToken.None));
        Assert.Equal(FirmwareInstallOutcome.RebootRequired, await installer.InstallAsync(WriteImage(deb), 2, CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(_options.PackagesDirectory, "installed.deb")));
        Assert.True(File.Exists(Path.Combine(_options.PackagesDirectory, "previous.deb")));
        Assert.True(await installer.RollBackAsync(CancellationToken.None));
    }

    private static byte[] Archive(string name, string content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.ASCII.GetBytes(content)) });
        }

        return buffer.ToArray();
    }

    private string WriteImage(byte[] bytes)
    {
        var path = Path.Combine(_root, "image-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
