using System.Formats.Tar;
using System.IO.Compression;
using ChargerController.IntegrationTests.Architecture;

namespace ChargerController.IntegrationTests.Deploy;

/// <summary>
/// A release archive laid out exactly as packaging/publish.sh packs one (chargercontroller-VERSION-ARCH/ with the
/// executables at its top, VERSION, boards/, deploy/ and install.sh from this repository), with tiny shell scripts as
/// chargerd and chargerctl that print their version: install.sh and the firmware installer see a real release, the
/// test sees which one runs.
/// </summary>
internal static class ReleaseArchive
{
    public static string Write(string directory, string version)
    {
        var name = "chargercontroller-" + version + "-test";
        var tree = Path.Combine(directory, "tree-" + version);
        var top = Path.Combine(tree, name);
        Directory.CreateDirectory(top);
        WriteExecutable(Path.Combine(top, "chargerd"), $"#!/bin/sh\necho chargerd {version}\n");
        WriteExecutable(Path.Combine(top, "chargerctl"), $"#!/bin/sh\necho chargerctl {version}\n");
        File.WriteAllText(Path.Combine(top, "VERSION"), version + "\n");
        CopyDirectory(Path.Combine(RepositoryLayout.Root, "deploy"), Path.Combine(top, "deploy"));
        CopyDirectory(Path.Combine(RepositoryLayout.Root, "hardware", "boards"), Path.Combine(top, "boards"));
        File.Copy(Path.Combine(RepositoryLayout.Root, "install.sh"), Path.Combine(top, "install.sh"));

        var archive = Path.Combine(directory, name + ".tar.gz");
        using (var file = File.Create(archive))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            TarFile.CreateFromDirectory(tree, gzip, includeBaseDirectory: false);
        }

        Directory.Delete(tree, recursive: true);
        return archive;
    }

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.GetDirectories(from))
        {
            CopyDirectory(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }
}
