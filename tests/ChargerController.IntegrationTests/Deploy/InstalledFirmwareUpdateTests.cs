using ChargerController.IntegrationTests.Architecture;
using ChargerController.Station.Firmware;
using ChargerController.Worker.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.IntegrationTests.Deploy;

/// <summary>
/// The firmware update on an installed charger, end to end on real files: install.sh --root lays out a root
/// filesystem from a release archive, then chargerd's default installer (<see cref="ArchiveFirmwareInstaller"/>, with
/// the paths the Worker derives from <see cref="ChargerdOptions.FirmwareInstallDir"/>) updates that tree to a second
/// archive of the same format, and install.sh runs again over what the installer left.
/// </summary>
public sealed class InstalledFirmwareUpdateTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cc-installed-" + Guid.NewGuid().ToString("N"));
    private readonly string _root;
    private readonly string _installDir;
    private readonly ArchiveFirmwareInstaller _installer;

    public InstalledFirmwareUpdateTests()
    {
        _root = Path.Combine(_work, "root");
        Directory.CreateDirectory(_root);
        var defaults = new ChargerdOptions();
        _installDir = _root + defaults.FirmwareInstallDir;
        var stateDir = _root + defaults.StateDir;

        // As OcppComposition builds the options from FirmwareInstallDir and StateDir, inside the temporary root.
        _installer = new ArchiveFirmwareInstaller(
            new ArchiveInstallerOptions
            {
                ReleasesDirectory = Path.Combine(_installDir, "releases"),
                CurrentLink = Path.Combine(_installDir, "current"),
                ActivationFile = Path.Combine(stateDir, "firmware-activation"),
                PackagesDirectory = Path.Combine(stateDir, "packages"),
            },
            NullLoggerFactory.Instance);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task FirmwareUpdate_OnInstallShTree_SwitchesCurrentKeepsPreviousAndRollsBack()
    {
        await InstallShAsync("--from", ReleaseArchive.Write(_work, "1.0.0"));
        Assert.Equal("chargerd 1.0.0", await RunningAsync());

        var outcome = await _installer.InstallAsync(ReleaseArchive.Write(_work, "2.0.0"), 41, CancellationToken.None);

        Assert.Equal(FirmwareInstallOutcome.RebootRequired, outcome);
        Assert.Equal("chargerd 2.0.0", await RunningAsync());
        Assert.StartsWith("request-41-", Path.GetFileName(new FileInfo(Path.Combine(_installDir, "current")).LinkTarget), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_installDir, "releases", "1.0.0", "chargerd")), "the release install.sh put there is kept");

        // chargerd restarts into 2.0.0, which never gets its BootNotification accepted: after MaxTrialBoots starts
        // the installer switches back to what install.sh installed.
        for (var boot = 1; boot <= new ArchiveInstallerOptions().MaxTrialBoots; boot++)
        {
            Assert.Equal(FirmwareActivation.Activated, _installer.BeginTrialBoot());
        }

        Assert.Equal(FirmwareActivation.RollBackPending, _installer.BeginTrialBoot());
        Assert.Equal("chargerd 1.0.0", await RunningAsync());
        Assert.Equal(FirmwareActivation.RolledBack, _installer.BeginTrialBoot());

        // chargerctl on the PATH follows `current`.
        Assert.Equal(Path.Combine(new ChargerdOptions().FirmwareInstallDir, "current", "chargerctl"), new FileInfo(Path.Combine(_root, "usr/local/bin/chargerctl")).LinkTarget);
    }

    [Fact]
    public async Task InstallSh_AfterConfirmedFirmwareUpdates_KeepsRunningReleaseAsPreviousPrunesOlder()
    {
        await InstallShAsync("--from", ReleaseArchive.Write(_work, "1.0.0"));
        Assert.Equal(FirmwareInstallOutcome.RebootRequired, await _installer.InstallAsync(ReleaseArchive.Write(_work, "2.0.0"), 1, CancellationToken.None));
        await _installer.ConfirmAsync(CancellationToken.None);
        Assert.Equal(FirmwareInstallOutcome.RebootRequired, await _installer.InstallAsync(ReleaseArchive.Write(_work, "3.0.0"), 2, CancellationToken.None));
        await _installer.ConfirmAsync(CancellationToken.None);
        var running = Path.GetFileName(new FileInfo(Path.Combine(_installDir, "current")).LinkTarget)!;
        Assert.Equal("chargerd 3.0.0", await RunningAsync());

        var output = await InstallShAsync("--from", ReleaseArchive.Write(_work, "4.0.0"));

        Assert.Equal("chargerd 4.0.0", await RunningAsync());
        Assert.Equal(Path.Combine("releases", "4.0.0"), new FileInfo(Path.Combine(_installDir, "current")).LinkTarget);
        Assert.Equal(["4.0.0", running], ReleaseNames());
        Assert.Contains($"kept /opt/chargercontroller/releases/{running} to roll back to", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallSh_SameVersionAgain_ChangesNothing()
    {
        var archive = ReleaseArchive.Write(_work, "1.0.0");
        await InstallShAsync("--from", archive, "--board", "generic-pi4");
        var before = Snapshot();

        await InstallShAsync("--from", archive, "--board", "generic-pi5");

        Assert.Equal(before, Snapshot());
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryLayout.Root, "hardware", "boards", "generic-pi4.json")),
            File.ReadAllText(Path.Combine(_root, "etc", "chargercontroller", "board.json")));
    }

    [Fact]
    public async Task InstallSh_FlatInstall_BecomesPreviousReleaseConfigurationAndStateKept()
    {
        // The layout install.sh 0.1.0 made: binaries directly in /opt/chargercontroller, share/VERSION.
        Directory.CreateDirectory(Path.Combine(_installDir, "share"));
        File.WriteAllText(Path.Combine(_installDir, "chargerd"), "#!/bin/sh\necho chargerd 0.1.0\n");
        File.SetUnixFileMode(Path.Combine(_installDir, "chargerd"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(_installDir, "share", "VERSION"), "0.1.0\n");
        var config = Path.Combine(_root, "etc", "chargercontroller", "chargercontroller.json");
        var database = Path.Combine(_root, "var", "lib", "chargercontroller", "chargercontroller.db");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        File.WriteAllText(config, "{ \"Chargerd\": { \"StationId\": \"CC-FIELD-7\" } }");
        File.WriteAllText(database, "rows");

        await InstallShAsync("--from", ReleaseArchive.Write(_work, "1.0.0"));

        Assert.Equal("chargerd 1.0.0", await RunningAsync());
        Assert.Equal(["0.1.0", "1.0.0"], ReleaseNames());
        Assert.False(File.Exists(Path.Combine(_installDir, "chargerd")));
        Assert.Equal("chargerd 0.1.0", (await ShellRun.RunAsync(Path.Combine(_installDir, "releases", "0.1.0", "chargerd"))).Output.Trim());
        Assert.Equal("{ \"Chargerd\": { \"StationId\": \"CC-FIELD-7\" } }", File.ReadAllText(config));
        Assert.Equal("rows", File.ReadAllText(database));
    }

    [Fact]
    public async Task InstalledUnit_StartsThroughTheFirmwareInstallersLink()
    {
        await InstallShAsync("--from", ReleaseArchive.Write(_work, "1.0.0"));
        var unit = File.ReadAllLines(Path.Combine(_root, "etc", "systemd", "system", "chargercontroller.service"));
        var defaults = new ChargerdOptions();

        Assert.Contains(unit, line => line.StartsWith("ExecStart=" + Path.Combine(defaults.FirmwareInstallDir, "current", "chargerd") + " ", StringComparison.Ordinal));
        Assert.Contains("ReadWritePaths=" + defaults.FirmwareInstallDir, unit);
        Assert.Contains("ProtectSystem=strict", unit);
        Assert.True(File.Exists(Path.Combine(_installDir, "current", "boards", "generic-pi4.json")), "board profiles ship in the release");
    }

    private async Task<string> InstallShAsync(params string[] args)
    {
        var (exitCode, output) = await ShellRun.RunAsync("bash", [Path.Combine(RepositoryLayout.Root, "install.sh"), "--root", _root, .. args]);
        Assert.True(exitCode == 0, $"install.sh {string.Join(' ', args)} exited {exitCode}:\n{output}");
        return output;
    }

    private async Task<string> RunningAsync()
    {
        var (exitCode, output) = await ShellRun.RunAsync(Path.Combine(_installDir, "current", "chargerd"));
        Assert.Equal(0, exitCode);
        return output.Trim();
    }

    private string[] ReleaseNames() =>
        [.. Directory.GetDirectories(Path.Combine(_installDir, "releases")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private string Snapshot() => string.Join(
        '\n',
        Directory.GetFileSystemEntries(_root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(Describe));

    // A link (some point at absolute paths that exist only inside the image) by its target, anything else by size and mode.
    private static string Describe(string path) => new FileInfo(path) switch
    {
        { LinkTarget: { } target } => $"{path} -> {target}",
        { Exists: true } file => $"{path} {file.Length} {File.GetUnixFileMode(path)}",
        _ => $"{path} {File.GetUnixFileMode(path)}",
    };
}
