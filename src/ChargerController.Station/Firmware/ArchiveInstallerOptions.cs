namespace ChargerController.Station.Firmware;

/// <summary>Where <see cref="ArchiveFirmwareInstaller"/> installs chargerd versions.</summary>
public sealed record ArchiveInstallerOptions
{
    /// <summary>Gets the directory holding one sub-directory per installed version (default <c>/opt/chargercontroller/releases</c>).</summary>
    public string ReleasesDirectory { get; init; } = "/opt/chargercontroller/releases";

    /// <summary>Gets the symbolic link the service starts chargerd through (default <c>/opt/chargercontroller/current</c>, unit: <c>ExecStart=/opt/chargercontroller/current/chargerd</c>).</summary>
    public string CurrentLink { get; init; } = "/opt/chargercontroller/current";

    /// <summary>Gets the file that records an activation on trial (under the state directory).</summary>
    public string ActivationFile { get; init; } = "/var/lib/chargercontroller/firmware-activation";

    /// <summary>Gets the name of the executable an archive must contain.</summary>
    public string ExecutableName { get; init; } = "chargerd";

    /// <summary>Gets how many starts a new version gets to reach an accepted boot before the previous one is restored.</summary>
    public int MaxTrialBoots { get; init; } = 3;

    /// <summary>
    /// Gets the command that installs a .deb (the package file is appended); chargerd runs unprivileged, so the default
    /// goes through sudo, which the shipped unit rules out (NoNewPrivileges, ProtectSystem=strict): the .deb route needs
    /// a unit without them, release archives do not (docs/FIRMWARE-UPDATE.md, "Updating with a .deb").
    /// </summary>
    public IReadOnlyList<string> DebInstallCommand { get; init; } = ["sudo", "-n", "/usr/bin/dpkg", "--install"];

    /// <summary>Gets the directory .deb packages are kept in (the installed one and the previous one, to roll back to).</summary>
    public string PackagesDirectory { get; init; } = "/var/lib/chargercontroller/packages";
}
