using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Firmware;

/// <summary>
/// The default installer: a chargercontroller release archive (.tar.gz with <c>chargerd</c>) is unpacked into its own
/// directory beside the running version and the <c>current</c> link is switched atomically (rename of a new link over the
/// old one); a .deb is handed to dpkg. Either way the previous version is kept and an activation record says which one to
/// go back to: the new version gets <see cref="ArchiveInstallerOptions.MaxTrialBoots"/> starts to reach an accepted
/// BootNotification, else the link (or package) is switched back.
/// </summary>
public sealed class ArchiveFirmwareInstaller : IFirmwareInstaller
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];
    private static readonly byte[] DebMagic = "!<arch>\ndebian-binary"u8.ToArray();
    private readonly ArchiveInstallerOptions _options;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="ArchiveFirmwareInstaller"/> class.</summary>
    /// <param name="options">Paths.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public ArchiveFirmwareInstaller(ArchiveInstallerOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _logger = loggerFactory.CreateLogger<ArchiveFirmwareInstaller>();
    }

    /// <inheritdoc/>
    /// <remarks>Unpacking beside the running version does not disturb a session; only the restart waits (L01.FR.33).</remarks>
    public bool CanInstallDuringTransaction => true;

    /// <inheritdoc/>
    public async Task<FirmwareInstallOutcome> InstallAsync(string imagePath, int requestId, CancellationToken cancellationToken)
    {
        var head = new byte[DebMagic.Length];
        int read;
        using (var probe = File.OpenRead(imagePath))
        {
            read = await probe.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        if (read >= DebMagic.Length && head.AsSpan().SequenceEqual(DebMagic))
        {
            return await InstallDebAsync(imagePath, requestId, cancellationToken).ConfigureAwait(false);
        }

        if (read >= GzipMagic.Length && head.AsSpan(0, 2).SequenceEqual(GzipMagic))
        {
            return await InstallArchiveAsync(imagePath, requestId, cancellationToken).ConfigureAwait(false);
        }

        FirmwareLog.InstallerProblem(_logger, "image is neither a .tar.gz nor a .deb", null);
        return FirmwareInstallOutcome.VerificationFailed;
    }

    /// <inheritdoc/>
    public FirmwareActivation BeginTrialBoot()
    {
        if (ActivationRecord.Load(_options.ActivationFile) is not { } record)
        {
            return FirmwareActivation.RolledBack;
        }

        if (record.Kind == ActivationRecord.ArchiveKind && CurrentTarget() != record.Installed)
        {
            // Someone (an earlier trial boot, an operator) already went back.
            File.Delete(_options.ActivationFile);
            return FirmwareActivation.RolledBack;
        }

        if (record.Boots >= _options.MaxTrialBoots)
        {
            FirmwareLog.TrialBootsUsed(_logger, record.Installed, record.Boots, record.Previous);
            return RollBackAsync(CancellationToken.None).GetAwaiter().GetResult() ? FirmwareActivation.RollBackPending : FirmwareActivation.Activated;
        }

        (record with { Boots = record.Boots + 1 }).Save(_options.ActivationFile);
        return FirmwareActivation.Activated;
    }

    /// <inheritdoc/>
    public Task ConfirmAsync(CancellationToken cancellationToken)
    {
        if (ActivationRecord.Load(_options.ActivationFile) is { } record)
        {
            FirmwareLog.Confirmed(_logger, record.Installed, record.Previous);
            PruneReleases(record);
            File.Delete(_options.ActivationFile);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<bool> RollBackAsync(CancellationToken cancellationToken)
    {
        if (ActivationRecord.Load(_options.ActivationFile) is not { } record || record.Previous.Length == 0)
        {
            return false;
        }

        if (record.Kind == ActivationRecord.ArchiveKind)
        {
            SwitchCurrent(record.Previous);
        }
        else if (!await RunDebInstallAsync(record.Previous, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        File.Delete(_options.ActivationFile);
        return true;
    }

    private async Task<FirmwareInstallOutcome> InstallArchiveAsync(string imagePath, int requestId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.ReleasesDirectory);
        var staging = Path.Combine(_options.ReleasesDirectory, ".staging-" + requestId.ToString(CultureInfo.InvariantCulture));
        DeleteDirectory(staging);
        Directory.CreateDirectory(staging);
        try
        {
            var archive = File.OpenRead(imagePath);
            await using (archive.ConfigureAwait(false))
            {
                var gzip = new GZipStream(archive, CompressionMode.Decompress);
                await using (gzip.ConfigureAwait(false))
                {
                    // TarFile refuses entries that would land outside the destination (path traversal in a hostile archive).
                    await TarFile.ExtractToDirectoryAsync(gzip, staging, overwriteFiles: false, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            FirmwareLog.InstallerProblem(_logger, "archive does not unpack", ex);
            DeleteDirectory(staging);
            return FirmwareInstallOutcome.VerificationFailed;
        }

        // A release archive holds chargerd at its top or in one top-level directory.
        var root = File.Exists(Path.Combine(staging, _options.ExecutableName))
            ? staging
            : Directory.GetDirectories(staging).FirstOrDefault(d => File.Exists(Path.Combine(d, _options.ExecutableName)));
        if (root is null)
        {
            FirmwareLog.InstallerProblem(_logger, $"archive has no {_options.ExecutableName}", null);
            DeleteDirectory(staging);
            return FirmwareInstallOutcome.VerificationFailed;
        }

        try
        {
            var release = Path.Combine(_options.ReleasesDirectory, "request-" + requestId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.Move(root, release);
            DeleteDirectory(staging);
            var previous = CurrentTarget() ?? string.Empty;
            new ActivationRecord(ActivationRecord.ArchiveKind, release, previous, 0).Save(_options.ActivationFile);
            SwitchCurrent(release);
            FirmwareLog.Staged(_logger, release, previous);
            return FirmwareInstallOutcome.RebootRequired;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            FirmwareLog.InstallerProblem(_logger, "cannot install the release", ex);
            DeleteDirectory(staging);
            return FirmwareInstallOutcome.Failed;
        }
    }

    private async Task<FirmwareInstallOutcome> InstallDebAsync(string imagePath, int requestId, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(_options.PackagesDirectory);
            var installed = Path.Combine(_options.PackagesDirectory, "installed.deb");
            var previous = Path.Combine(_options.PackagesDirectory, "previous.deb");
            var candidate = Path.Combine(_options.PackagesDirectory, "request-" + requestId.ToString(CultureInfo.InvariantCulture) + ".deb");
            File.Copy(imagePath, candidate, overwrite: true);
            if (!await RunDebInstallAsync(candidate, cancellationToken).ConfigureAwait(false))
            {
                File.Delete(candidate);
                return FirmwareInstallOutcome.Failed;
            }

            if (File.Exists(installed))
            {
                File.Move(installed, previous, overwrite: true);
            }

            File.Move(candidate, installed, overwrite: true);
            new ActivationRecord(ActivationRecord.DebKind, installed, File.Exists(previous) ? previous : string.Empty, 0).Save(_options.ActivationFile);
            return FirmwareInstallOutcome.RebootRequired;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            FirmwareLog.InstallerProblem(_logger, "cannot stage the package", ex);
            return FirmwareInstallOutcome.Failed;
        }
    }

    private async Task<bool> RunDebInstallAsync(string package, CancellationToken cancellationToken)
    {
        var command = _options.DebInstallCommand;
        if (command.Count == 0)
        {
            return false;
        }

        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(package);
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                FirmwareLog.CommandFailed(_logger, command[0], process.ExitCode, (await error.ConfigureAwait(false)).Trim());
                return false;
            }

            return true;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            FirmwareLog.InstallerProblem(_logger, $"cannot run {command[0]}", ex);
            return false;
        }
    }

    private string? CurrentTarget()
    {
        var link = new FileInfo(_options.CurrentLink);
        if (link.LinkTarget is { } target)
        {
            return Path.GetFullPath(target, Path.GetDirectoryName(_options.CurrentLink)!);
        }

        return Directory.Exists(_options.CurrentLink) ? Path.GetFullPath(_options.CurrentLink) : null;
    }

    private void SwitchCurrent(string release)
    {
        // rename(2) of a fresh link over the old one: the service finds either the old or the new version, never none.
        // .NET's File.Move follows a link to a directory and refuses it, so coreutils' `mv -T` (always on Debian and
        // Raspberry Pi OS) does the rename; only without it is the link replaced in two steps.
        var next = _options.CurrentLink + ".next";
        File.Delete(next);
        File.CreateSymbolicLink(next, release);
        if (RunQuietly("mv", "-T", "-f", next, _options.CurrentLink))
        {
            return;
        }

        File.Delete(next);
        File.Delete(_options.CurrentLink);
        File.CreateSymbolicLink(_options.CurrentLink, release);
    }

    private static bool RunQuietly(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private void PruneReleases(ActivationRecord record)
    {
        if (record.Kind != ActivationRecord.ArchiveKind || !Directory.Exists(_options.ReleasesDirectory))
        {
            return;
        }

        // The running version and the one before it stay; older ones only take space on the SD card.
        foreach (var directory in Directory.GetDirectories(_options.ReleasesDirectory))
        {
            var full = Path.GetFullPath(directory);
            if (full != record.Installed && full != record.Previous && Path.GetFileName(full).StartsWith("request-", StringComparison.Ordinal))
            {
                DeleteDirectory(full);
            }
        }
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
