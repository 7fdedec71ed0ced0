using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace ChargerController.Cli.Commands.SupportBundle;

/// <summary>Writes the support bundle as a gzip-compressed tar (mode 0600: logs may name card ids).</summary>
internal sealed class BundleArchive : IAsyncDisposable
{
    private readonly FileStream file;
    private readonly GZipStream gzip;
    private readonly TarWriter tar;
    private readonly string folder;
    private readonly DateTimeOffset time;
    private readonly List<string> names = [];

    public BundleArchive(string path, string folder, DateTimeOffset time)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        file = new FileStream(path, options);
        gzip = new GZipStream(file, CompressionLevel.Optimal);
        tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        this.folder = folder;
        this.time = time;
    }

    public IReadOnlyList<string> Names => names;

    public async Task AddAsync(string name, string content, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, folder + "/" + name)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            ModificationTime = time,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        names.Add(name);
    }

    public async ValueTask DisposeAsync()
    {
        await tar.DisposeAsync().ConfigureAwait(false);
        await gzip.DisposeAsync().ConfigureAwait(false);
        await file.DisposeAsync().ConfigureAwait(false);
    }
}
