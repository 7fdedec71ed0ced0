using System.Globalization;

namespace ChargerController.Station.Firmware;

/// <summary>
/// The activation on trial of <see cref="ArchiveFirmwareInstaller"/>: what was installed, what to go back to, how many
/// starts it had. A small text file (key=value lines) so an operator can read it and a shell script could act on it.
/// </summary>
/// <param name="Kind"><see cref="ArchiveKind"/> or <see cref="DebKind"/>.</param>
/// <param name="Installed">The new release directory or package.</param>
/// <param name="Previous">The release directory or package to roll back to (empty: none).</param>
/// <param name="Boots">Trial boots so far.</param>
internal sealed record ActivationRecord(string Kind, string Installed, string Previous, int Boots)
{
    public const string ArchiveKind = "archive";
    public const string DebKind = "deb";

    public static ActivationRecord? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var values = File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal);
        if (!values.TryGetValue("kind", out var kind) || !values.TryGetValue("installed", out var installed))
        {
            return null;
        }

        return new ActivationRecord(
            kind,
            installed,
            values.GetValueOrDefault("previous", string.Empty),
            int.TryParse(values.GetValueOrDefault("boots"), NumberStyles.None, CultureInfo.InvariantCulture, out var boots) ? boots : 0);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, [$"kind={Kind}", $"installed={Installed}", $"previous={Previous}", $"boots={Boots.ToString(CultureInfo.InvariantCulture)}"]);
        File.Move(temporary, path, overwrite: true);
    }
}
